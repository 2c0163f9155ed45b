package io.borderflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Where one shipment stands in its crossing, after a change of its journey or when it became stalled.
 *
 * @param waitMinutes     PRIMARY_INSPECTION − QUEUE_ENTERED, once both are known
 * @param crossingMinutes PORT_EXITED − QUEUE_ENTERED, once both are known
 * @param delayMinutes    crossing time (or time since QUEUE_ENTERED while still crossing) − free-flow
 */
public record ShipmentDelayUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String shipmentId,
        String carrierId,
        String crossingId,
        Direction direction,
        LaneType laneType,
        JourneyStatus status,
        CheckpointType lastCheckpointType,
        Instant lastCheckpointAt,
        Instant queueEnteredAt,
        Double waitMinutes,
        Double crossingMinutes,
        Double delayMinutes,
        double freeFlowMinutes) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public ShipmentDelayUpdated {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(shipmentId, "shipmentId");
        Required.text(carrierId, "carrierId");
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
        Required.field(status, "status");
    }

    public boolean stalled() {
        return status == JourneyStatus.STALLED;
    }
}
