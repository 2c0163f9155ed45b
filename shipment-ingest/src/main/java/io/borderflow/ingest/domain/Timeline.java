package io.borderflow.ingest.domain;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.LaneType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A shipment's checkpoints in event-time order and its current delay status ({@code null} until known). */
public record Timeline(
        String shipmentId,
        String carrierId,
        String crossingId,
        Direction direction,
        LaneType laneType,
        List<Checkpoint> checkpoints,
        Delay delay) {

    public record Checkpoint(UUID eventId, CheckpointType type, Instant occurredAt, CheckpointSource source,
            GeoPoint location, Instant recordedAt) {
    }

    /** From the delay analyzer's latest {@code ShipmentDelayUpdated}; {@code updatedAt} is its event time. */
    public record Delay(JourneyStatus status, Double waitMinutes, Double crossingMinutes, Double delayMinutes,
            Instant lastCheckpointAt, Instant updatedAt) {
    }
}
