package io.borderflow.analyzer.streams.state;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;

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

    private SeriesKeyLayout() {
    }
}
