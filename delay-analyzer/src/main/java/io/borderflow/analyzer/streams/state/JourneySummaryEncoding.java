package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.analyzer.domain.JourneySummary;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Values of the {@code series-journeys} store and the summaries on the repartition topic. Version 3: one byte of
 * presence bits (queueEnteredAt 1, primaryInspectionAt 2, portExitedAt 4, leftQueueAt 8), lastCheckpointAt, then
 * the present ones in that order, each after lastCheckpointAt. No shipmentId: the store's key and the series
 * change name it. Version 2: shipmentId, queueEnteredAt?, primaryInspectionAt?, portExitedAt?, lastCheckpointAt,
 * leftQueueAt? ({@code ?}: a presence byte, then the instant if present).
 */
public final class JourneySummaryEncoding {

    public static final VersionedSerde<JourneySummary> SERDE = new VersionedSerde<>("journey summary",
            JourneySummaryEncoding::readJsonV1, Map.of(2, JourneySummaryEncoding::readV2, 3, JourneySummaryEncoding::readV3), 3,
            JourneySummaryEncoding::writeV3);

    static JourneySummary readJsonV1(JsonNode node) {
        return new JourneySummary(JsonV1.nullableInstant(node, "queueEnteredAt"),
                JsonV1.nullableInstant(node, "primaryInspectionAt"), JsonV1.nullableInstant(node, "portExitedAt"),
                JsonV1.instant(node, "lastCheckpointAt"), JsonV1.nullableInstant(node, "leftQueueAt"));
    }

    /** Version 2 also wrote the shipmentId, which the summary no longer carries. */
    static JourneySummary readV2(StateInput in) {
        in.readText();
        return new JourneySummary(in.readNullableInstant(), in.readNullableInstant(), in.readNullableInstant(),
                in.readInstant(), in.readNullableInstant());
    }

    static JourneySummary readV3(StateInput in) {
        int present = in.readByte();
        Instant last = in.readInstant();
        return new JourneySummary(after(in, last, present, 1), after(in, last, present, 2), after(in, last, present, 4),
                last, after(in, last, present, 8));
    }

    static void writeV3(StateOutput out, JourneySummary summary) {
        List<Instant> optional = Arrays.asList(summary.queueEnteredAt(), summary.primaryInspectionAt(),
                summary.portExitedAt(), summary.leftQueueAt());
        int present = 0;
        for (int i = 0; i < optional.size(); i++) {
            present |= optional.get(i) != null ? 1 << i : 0;
        }
        out.writeByte(present).writeInstant(summary.lastCheckpointAt());
        optional.stream().filter(Objects::nonNull).forEach(at -> out.writeInstantAfter(summary.lastCheckpointAt(), at));
    }

    private static Instant after(StateInput in, Instant last, int present, int bit) {
        return (present & bit) != 0 ? in.readInstantAfter(last) : null;
    }

    private JourneySummaryEncoding() {
    }
}
