package io.borderflow.analyzer.streams.state;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import org.apache.kafka.common.errors.SerializationException;

/** The enum codes of the binary layouts and the layout of a series key, shared by the records that carry one. */
final class SeriesKeyLayout {

    static final EnumCodes<Direction> DIRECTIONS = EnumCodes.of(Direction.class, Direction.NORTHBOUND, Direction.SOUTHBOUND);
    static final EnumCodes<LaneType> LANE_TYPES = EnumCodes.of(LaneType.class, LaneType.STANDARD, LaneType.FAST);
    static final EnumCodes<CheckpointType> CHECKPOINT_TYPES = EnumCodes.of(CheckpointType.class,
            CheckpointType.QUEUE_ENTERED, CheckpointType.EXPORT_CLEARED, CheckpointType.PRIMARY_INSPECTION,
            CheckpointType.SECONDARY_REFERRED, CheckpointType.SECONDARY_RELEASED, CheckpointType.PORT_EXITED);

    static void write(StateOutput out, SeriesKey series) {
        out.writeText(series.crossingId()).writeCode(DIRECTIONS, series.direction()).writeCode(LANE_TYPES, series.laneType());
    }

    static SeriesKey read(StateInput in) {
        return new SeriesKey(in.readText(), in.readCode(DIRECTIONS), in.readCode(LANE_TYPES));
    }

    /** The catalog's crossings, by the number the compact layout writes for them. */
    private static final CrossingCatalog CATALOG = CrossingCatalog.load();

    /**
     * A series key as {@link #write} does, but a catalog crossing as CBP's Border Wait Times port number plus one
     * (three bytes, not the 15-30 of its id): CBP's own number for the crossing, so it stays what it is when the
     * catalog's ids or order change; 0 and then the id for a crossing outside the catalog.
     */
    static void writeCompact(StateOutput out, SeriesKey series) {
        long number = CATALOG.byId(series.crossingId()).map(Crossing::cbpWaitTimesPortNumber).map(Long::parseLong).orElse(-1L);
        out.writeUnsigned(number + 1);
        if (number < 0) {
            out.writeText(series.crossingId());
        }
        out.writeCode(DIRECTIONS, series.direction()).writeCode(LANE_TYPES, series.laneType());
    }

    static SeriesKey readCompact(StateInput in) {
        long code = in.readUnsigned();
        String crossingId = code == 0 ? in.readText() : CATALOG.byWaitTimesPortNumber(Long.toString(code - 1))
                .map(Crossing::id).orElseThrow(() -> new SerializationException("state names CBP port number "
                        + (code - 1) + ", which no crossing of the catalog has"));
        return new SeriesKey(crossingId, in.readCode(DIRECTIONS), in.readCode(LANE_TYPES));
    }

    private SeriesKeyLayout() {
    }
}
