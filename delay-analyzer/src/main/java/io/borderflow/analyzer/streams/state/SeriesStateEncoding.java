package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.analyzer.domain.SeriesReading;
import io.borderflow.analyzer.domain.SeriesState;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.SeriesKey;
import java.util.Map;

/**
 * Values of the {@code series} store. Version 3: series, lastCheckpointAt?, lastPublished? (the reading's
 * fields in declaration order), lastPublishedAt?, unpublishedSince?, reported? (CBP's reading, {@code ReportedReadingLayout})
 * ({@code ?}: a presence byte first). Version 2 had neither the reading's reportedWaitMinutes nor reported.
 * Doubles are written as their 8 bytes, so a reading read back equals the one published.
 */
public final class SeriesStateEncoding {

    public static final VersionedSerde<SeriesState> SERDE = new VersionedSerde<>("series", SeriesStateEncoding::readJsonV1,
            Map.of(2, SeriesStateEncoding::readV2, 3, SeriesStateEncoding::readV3), 3, SeriesStateEncoding::writeV3);

    static SeriesState readJsonV1(JsonNode node) {
        SeriesReading lastPublished = JsonV1.isNull(node, "lastPublished") ? null : readingJsonV1(node.get("lastPublished"));
        return new SeriesState(JsonV1.series(node.get("series")), JsonV1.nullableInstant(node, "lastCheckpointAt"),
                lastPublished, JsonV1.nullableInstant(node, "lastPublishedAt"), JsonV1.nullableInstant(node, "unpublishedSince"),
                null);
    }

    private static SeriesReading readingJsonV1(JsonNode node) {
        return new SeriesReading(node.get("windowMinutes").intValue(), JsonV1.statistics(node.get("waitTime")),
                JsonV1.statistics(node.get("crossingTime")), node.get("queuedNow").intValue(),
                JsonV1.nullableDouble(node, "oldestQueuedMinutes"), JsonV1.nullableDouble(node, "liveWaitMinutes"),
                node.get("freeFlowMinutes").doubleValue(), JsonV1.nullableDouble(node, "averageDelayMinutes"),
                JsonV1.nullableDouble(node, "bufferTimeMinutes"), JsonV1.nullableDouble(node, "bufferIndex"),
                node.get("stale").booleanValue(), JsonV1.nullableInstant(node, "lastCheckpointAt"), null);
    }

    static SeriesState readV2(StateInput in) {
        return new SeriesState(SeriesKeyLayout.read(in), in.readNullableInstant(), in.readBoolean() ? readingV2(in) : null,
                in.readNullableInstant(), in.readNullableInstant(), null);
    }

    static SeriesState readV3(StateInput in) {
        SeriesKey series = SeriesKeyLayout.read(in);
        return new SeriesState(series, in.readNullableInstant(), in.readBoolean() ? readingV3(in) : null,
                in.readNullableInstant(), in.readNullableInstant(), ReportedReadingLayout.readNullable(in, series));
    }

    private static SeriesReading readingV2(StateInput in) {
        return new SeriesReading(in.readInt(), statisticsV2(in), statisticsV2(in), in.readInt(), in.readNullableDouble(),
                in.readNullableDouble(), in.readDouble(), in.readNullableDouble(), in.readNullableDouble(),
                in.readNullableDouble(), in.readBoolean(), in.readNullableInstant(), null);
    }

    private static SeriesReading readingV3(StateInput in) {
        return readingV2(in).withReportedWait(in.readBoolean() ? (int) in.readSigned() : null);
    }

    private static SampleStatistics statisticsV2(StateInput in) {
        return new SampleStatistics(in.readInt(), in.readNullableDouble(), in.readNullableDouble(), in.readNullableDouble(),
                in.readNullableDouble());
    }

    static void writeV3(StateOutput out, SeriesState state) {
        SeriesKeyLayout.write(out, state.series());
        out.writeNullableInstant(state.lastCheckpointAt()).writeBoolean(state.lastPublished() != null);
        if (state.lastPublished() != null) {
            writeReadingV3(out, state.lastPublished());
        }
        out.writeNullableInstant(state.lastPublishedAt()).writeNullableInstant(state.unpublishedSince());
        ReportedReadingLayout.writeNullable(out, state.reported());
    }

    private static void writeReadingV3(StateOutput out, SeriesReading reading) {
        out.writeUnsigned(reading.windowMinutes());
        writeStatisticsV2(out, reading.waitTime());
        writeStatisticsV2(out, reading.crossingTime());
        out.writeUnsigned(reading.queuedNow()).writeNullableDouble(reading.oldestQueuedMinutes())
                .writeNullableDouble(reading.liveWaitMinutes()).writeDouble(reading.freeFlowMinutes())
                .writeNullableDouble(reading.averageDelayMinutes()).writeNullableDouble(reading.bufferTimeMinutes())
                .writeNullableDouble(reading.bufferIndex()).writeBoolean(reading.stale())
                .writeNullableInstant(reading.lastCheckpointAt()).writeBoolean(reading.reportedWaitMinutes() != null);
        if (reading.reportedWaitMinutes() != null) {
            out.writeSigned(reading.reportedWaitMinutes());
        }
    }

    private static void writeStatisticsV2(StateOutput out, SampleStatistics statistics) {
        out.writeUnsigned(statistics.count()).writeNullableDouble(statistics.meanMinutes())
                .writeNullableDouble(statistics.p50Minutes()).writeNullableDouble(statistics.p85Minutes())
                .writeNullableDouble(statistics.p95Minutes());
    }

    private SeriesStateEncoding() {
    }
}
