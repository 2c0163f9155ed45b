package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.analyzer.domain.JourneySummary;
import java.util.Map;

/**
 * Values of the {@code series-journeys} store. Version 2: shipmentId, queueEnteredAt?, primaryInspectionAt?,
 * portExitedAt?, lastCheckpointAt, leftQueueAt? ({@code ?}: a presence byte, then the instant if present).
 */
public final class JourneySummaryEncoding {

    public static final VersionedSerde<JourneySummary> SERDE = new VersionedSerde<>("journey summary",
            JourneySummaryEncoding::readJsonV1, Map.of(2, JourneySummaryEncoding::readV2), 2, JourneySummaryEncoding::writeV2);

    static JourneySummary readJsonV1(JsonNode node) {
        return new JourneySummary(JsonV1.text(node, "shipmentId"), JsonV1.nullableInstant(node, "queueEnteredAt"),
                JsonV1.nullableInstant(node, "primaryInspectionAt"), JsonV1.nullableInstant(node, "portExitedAt"),
                JsonV1.instant(node, "lastCheckpointAt"), JsonV1.nullableInstant(node, "leftQueueAt"));
    }

    static JourneySummary readV2(StateInput in) {
        return new JourneySummary(in.readText(), in.readNullableInstant(), in.readNullableInstant(),
                in.readNullableInstant(), in.readInstant(), in.readNullableInstant());
    }

    static void writeV2(StateOutput out, JourneySummary summary) {
        out.writeText(summary.shipmentId()).writeNullableInstant(summary.queueEnteredAt())
                .writeNullableInstant(summary.primaryInspectionAt()).writeNullableInstant(summary.portExitedAt())
                .writeInstant(summary.lastCheckpointAt()).writeNullableInstant(summary.leftQueueAt());
    }

    private JourneySummaryEncoding() {
    }
}
