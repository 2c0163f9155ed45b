package io.borderflow.analyzer;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Checkpoint events for tests: one series by default, eventIds derived from shipment and type. */
public final class Checkpoints {

    public static final String CROSSING = "laredo-world-trade-bridge";

    private final String crossingId;
    private final Direction direction;
    private final LaneType laneType;

    private Checkpoints(String crossingId, Direction direction, LaneType laneType) {
        this.crossingId = crossingId;
        this.direction = direction;
        this.laneType = laneType;
    }

    public static Checkpoints at(String crossingId, Direction direction, LaneType laneType) {
        return new Checkpoints(crossingId, direction, laneType);
    }

    public static Checkpoints laredoNorthboundStandard() {
        return at(CROSSING, Direction.NORTHBOUND, LaneType.STANDARD);
    }

    public SeriesKey series() {
        return new SeriesKey(crossingId, direction, laneType);
    }

    public CheckpointRecorded event(String shipmentId, CheckpointType type, Instant occurredAt) {
        UUID eventId = UUID.nameUUIDFromBytes((shipmentId + "|" + type + "|" + crossingId + direction + laneType)
                .getBytes(StandardCharsets.UTF_8));
        return new CheckpointRecorded(eventId, occurredAt, CheckpointRecorded.SCHEMA_VERSION, shipmentId, "acme",
                crossingId, direction, laneType, type, CheckpointSource.RFID, null, occurredAt.plusSeconds(1));
    }

    public CheckpointRecorded queued(String shipmentId, Instant at) {
        return event(shipmentId, CheckpointType.QUEUE_ENTERED, at);
    }

    public CheckpointRecorded primary(String shipmentId, Instant at) {
        return event(shipmentId, CheckpointType.PRIMARY_INSPECTION, at);
    }

    public CheckpointRecorded exited(String shipmentId, Instant at) {
        return event(shipmentId, CheckpointType.PORT_EXITED, at);
    }
}
