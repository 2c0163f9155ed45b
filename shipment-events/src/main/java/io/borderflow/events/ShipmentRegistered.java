package io.borderflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A carrier registered a shipment that will cross at {@code crossingId}. */
public record ShipmentRegistered(
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

    public ShipmentRegistered {
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
