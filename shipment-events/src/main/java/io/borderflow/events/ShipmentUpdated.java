package io.borderflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A carrier changed a registered shipment; the record holds the state after the change. */
public record ShipmentUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String shipmentId,
        String carrierId,
        String crossingId,
        Direction direction,
        LaneType laneType,
        Instant plannedArrival,
        Map<String, String> referenceNumbers,
        long revision) implements ShipmentEvent {

    public static final int SCHEMA_VERSION = 1;

    public ShipmentUpdated {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(shipmentId, "shipmentId");
        Required.text(carrierId, "carrierId");
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
        Required.field(plannedArrival, "plannedArrival");
        referenceNumbers = referenceNumbers == null ? Map.of() : Map.copyOf(referenceNumbers);
    }
}
