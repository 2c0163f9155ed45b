package io.borderflow.simulator.traffic;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One truck's trip through one crossing: the shipment its carrier registers and the checkpoints the truck
 * passes, in journey order. A stalled truck's checkpoints stop before {@code PORT_EXITED}.
 */
public record Journey(Shipment shipment, Instant registerAt, List<Checkpoint> checkpoints, boolean stalled) {

    public record Shipment(String shipmentId, String carrierId, String crossingId, Direction direction,
            LaneType laneType, Instant plannedArrival, Map<String, String> referenceNumbers) {
    }

    public record Checkpoint(UUID eventId, CheckpointType type, Instant occurredAt, CheckpointSource source,
            GeoPoint location) {
    }

    /** One GPS ping of the truck, as a telematics unit reports it. */
    public record Position(Instant at, GeoPoint location, double speedKph, double headingDeg, double accuracyMeters) {
    }

    public Journey {
        checkpoints = List.copyOf(checkpoints);
    }

    public Instant queueEnteredAt() {
        return checkpoints.get(0).occurredAt();
    }

    /** Wait time (queue entry to primary inspection), if the truck got that far. */
    public Duration waitTime() {
        return between(CheckpointType.QUEUE_ENTERED, CheckpointType.PRIMARY_INSPECTION);
    }

    /** Crossing time (queue entry to port exit), if the truck left the port. */
    public Duration crossingTime() {
        return between(CheckpointType.QUEUE_ENTERED, CheckpointType.PORT_EXITED);
    }

    private Duration between(CheckpointType from, CheckpointType to) {
        Instant start = at(from);
        Instant end = at(to);
        return start == null || end == null ? null : Duration.between(start, end);
    }

    public Instant at(CheckpointType type) {
        return checkpoints.stream().filter(c -> c.type() == type).map(Checkpoint::occurredAt).findFirst().orElse(null);
    }
}
