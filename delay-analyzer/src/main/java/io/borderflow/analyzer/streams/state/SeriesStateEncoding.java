package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.analyzer.domain.SeriesReading;
import io.borderflow.analyzer.domain.SeriesState;
import io.borderflow.events.SampleStatistics;
import java.util.Map;

/**
 * Values of the {@code series} store. Version 2: series, lastCheckpointAt?, lastPublished? (the reading's
 * fields in declaration order), lastPublishedAt?, unpublishedSince? ({@code ?}: a presence byte first).
 * Doubles are written as their 8 bytes, so a reading read back equals the one published.
 */
public final class SeriesStateEncoding {

    public static final VersionedSerde<SeriesState> SERDE = new VersionedSerde<>("series", SeriesStateEncoding::readJsonV1,
            Map.of(2, SeriesStateEncoding::readV2), 2, SeriesStateEncoding::writeV2);

    static SeriesState readJsonV1(JsonNode node) {
        SeriesReading lastPublished = JsonV1.isNull(node, "lastPublished") ? null : readingJsonV1(node.get("lastPublished"));
        return new SeriesState(JsonV1.series(node.get("series")), JsonV1.nullableInstant(node, "lastCheckpointAt"),
                lastPublished, JsonV1.nullableInstant(node, "lastPublishedAt"), JsonV1.nullableInstant(node, "unpublishedSince"));
    }

    private static SeriesReading readingJsonV1(JsonNode node) {
        return new SeriesReading(node.get("windowMinutes").intValue(), JsonV1.statistics(node.get("waitTime")),
                JsonV1.statistics(node.get("crossingTime")), node.get("queuedNow").intValue(),
                JsonV1.nullableDouble(node, "oldestQueuedMinutes"), JsonV1.nullableDouble(node, "liveWaitMinutes"),
                node.get("freeFlowMinutes").doubleValue(), JsonV1.nullableDouble(node, "averageDelayMinutes"),
                JsonV1.nullableDouble(node, "bufferTimeMinutes"), JsonV1.nullableDouble(node, "bufferIndex"),
                node.get("stale").booleanValue(), JsonV1.nullableInstant(node, "lastCheckpointAt"));
    }

    static SeriesState readV2(StateInput in) {
        return new SeriesState(SeriesKeyLayout.read(in), in.readNullableInstant(), in.readBoolean() ? readingV2(in) : null,
                in.readNullableInstant(), in.readNullableInstant());
    }

    private static SeriesReading readingV2(StateInput in) {
        return new SeriesReading(in.readInt(), statisticsV2(in), statisticsV2(in), in.readInt(), in.readNullableDouble(),
                in.readNullableDouble(), in.readDouble(), in.readNullableDouble(), in.readNullableDouble(),
                in.readNullableDouble(), in.readBoolean(), in.readNullableInstant());
    }

    private static SampleStatistics statisticsV2(StateInput in) {
        return new SampleStatistics(in.readInt(), in.readNullableDouble(), in.readNullableDouble(), in.readNullableDouble(),
                in.readNullableDouble());
    }

    static void writeV2(StateOutput out, SeriesState state) {
        SeriesKeyLayout.write(out, state.series());
        out.writeNullableInstant(state.lastCheckpointAt()).writeBoolean(state.lastPublished() != null);
        if (state.lastPublished() != null) {
            writeReadingV2(out, state.lastPublished());
        }
        out.writeNullableInstant(state.lastPublishedAt()).writeNullableInstant(state.unpublishedSince());
    }

    private static void writeReadingV2(StateOutput out, SeriesReading reading) {
        out.writeUnsigned(reading.windowMinutes());
        writeStatisticsV2(out, reading.waitTime());
        writeStatisticsV2(out, reading.crossingTime());
        out.writeUnsigned(reading.queuedNow()).writeNullableDouble(reading.oldestQueuedMinutes())
                .writeNullableDouble(reading.liveWaitMinutes()).writeDouble(reading.freeFlowMinutes())
                .writeNullableDouble(reading.averageDelayMinutes()).writeNullableDouble(reading.bufferTimeMinutes())
                .writeNullableDouble(reading.bufferIndex()).writeBoolean(reading.stale())
                .writeNullableInstant(reading.lastCheckpointAt());
    }

    private static void writeStatisticsV2(StateOutput out, SampleStatistics statistics) {
        out.writeUnsigned(statistics.count()).writeNullableDouble(statistics.meanMinutes())
                .writeNullableDouble(statistics.p50Minutes()).writeNullableDouble(statistics.p85Minutes())
                .writeNullableDouble(statistics.p95Minutes());
    }

    private SeriesStateEncoding() {
    }
}
