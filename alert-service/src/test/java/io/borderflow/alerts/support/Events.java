package io.borderflow.alerts.support;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.LaneType;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.ShipmentDelayUpdated;
import java.time.Instant;
import java.util.UUID;

/** Input events as delay-analyzer writes them, with only the measures a test cares about. */
public final class Events {

    /** A northbound FAST series of {@code crossingId} whose average delay is {@code averageDelay} minutes. */
    public static CrossingDelayUpdated averageDelay(String crossingId, double averageDelay, Instant at) {
        return crossing(crossingId, null, averageDelay, false, at);
    }

    public static CrossingDelayUpdated liveWait(String crossingId, double liveWait, Instant at) {
        return crossing(crossingId, liveWait, null, false, at);
    }

    public static CrossingDelayUpdated crossing(String crossingId, Double liveWait, Double averageDelay, boolean stale,
            Instant at) {
        SampleStatistics crossingTime = averageDelay == null ? SampleStatistics.EMPTY
                : new SampleStatistics(12, averageDelay + 10, averageDelay + 8, averageDelay + 12, averageDelay + 15);
        return new CrossingDelayUpdated(UUID.randomUUID(), at, CrossingDelayUpdated.SCHEMA_VERSION, crossingId,
                Direction.NORTHBOUND, LaneType.FAST, 60, SampleStatistics.EMPTY, crossingTime, 4, null, liveWait, 10,
                averageDelay, null, null, stale, at.minusSeconds(60), null, null);
    }

    public static ShipmentDelayUpdated shipment(String shipmentId, String carrierId, String crossingId,
            JourneyStatus status, Instant at) {
        return new ShipmentDelayUpdated(UUID.randomUUID(), at, ShipmentDelayUpdated.SCHEMA_VERSION, shipmentId,
                carrierId, crossingId, Direction.NORTHBOUND, LaneType.STANDARD, status, CheckpointType.QUEUE_ENTERED,
                at.minusSeconds(3 * 3600), at.minusSeconds(3 * 3600), null, null, 170.0, 10);
    }

    private Events() {
    }
}
