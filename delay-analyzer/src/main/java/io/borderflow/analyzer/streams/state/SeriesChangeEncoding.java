package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.analyzer.domain.JourneySummary;
import io.borderflow.analyzer.streams.SeriesChange;
import io.borderflow.events.SeriesKey;
import java.util.Map;
import java.util.function.Function;

/**
 * Records of the {@code journeys-by-series} repartition topic: not a store, but an instance upgraded while
 * it holds unread records reads them with the new code, so they are versioned like the stores. Version 4: series,
 * then a flag: CBP's reading ({@code ReportedReadingLayout}), or shipmentId, summary? (the {@code series-journeys}
 * layout, version 3), checkpointAt?. Version 3 had the summary's version 2 layout; version 2 had no flag (journey
 * changes only).
 */
public final class SeriesChangeEncoding {

    public static final VersionedSerde<SeriesChange> SERDE = new VersionedSerde<>("series change",
            SeriesChangeEncoding::readJsonV1, Map.of(2, SeriesChangeEncoding::readV2, 3, SeriesChangeEncoding::readV3, 4, SeriesChangeEncoding::readV4), 4,
            SeriesChangeEncoding::writeV4);

    static SeriesChange readJsonV1(JsonNode node) {
        JourneySummary summary = JsonV1.isNull(node, "summary") ? null : JourneySummaryEncoding.readJsonV1(node.get("summary"));
        return new SeriesChange(JsonV1.series(node.get("series")), JsonV1.text(node, "shipmentId"), summary,
                JsonV1.nullableInstant(node, "checkpointAt"));
    }

    static SeriesChange readV2(StateInput in) {
        return journeyChange(in, SeriesKeyLayout.read(in), JourneySummaryEncoding::readV2);
    }

    static SeriesChange readV3(StateInput in) {
        return readFlagged(in, JourneySummaryEncoding::readV2);
    }

    static SeriesChange readV4(StateInput in) {
        return readFlagged(in, JourneySummaryEncoding::readV3);
    }

    private static SeriesChange readFlagged(StateInput in, Function<StateInput, JourneySummary> summaryLayout) {
        SeriesKey series = SeriesKeyLayout.read(in);
        return in.readBoolean() ? new SeriesChange(series, null, null, null, ReportedReadingLayout.readNullable(in, series))
                : journeyChange(in, series, summaryLayout);
    }

    private static SeriesChange journeyChange(StateInput in, SeriesKey series,
            Function<StateInput, JourneySummary> summaryLayout) {
        return new SeriesChange(series, in.readText(), in.readBoolean() ? summaryLayout.apply(in) : null,
                in.readNullableInstant());
    }

    static void writeV4(StateOutput out, SeriesChange change) {
        SeriesKeyLayout.write(out, change.series());
        out.writeBoolean(change.isReported());
        if (change.isReported()) {
            ReportedReadingLayout.writeNullable(out, change.reported());
            return;
        }
        out.writeText(change.shipmentId()).writeBoolean(change.summary() != null);
        if (change.summary() != null) {
            JourneySummaryEncoding.writeV3(out, change.summary());
        }
        out.writeNullableInstant(change.checkpointAt());
    }

    private SeriesChangeEncoding() {
    }
}
