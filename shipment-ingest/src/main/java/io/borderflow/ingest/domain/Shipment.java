package io.borderflow.ingest.domain;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import java.time.Instant;
import java.util.Map;

/** A registered shipment as the API shows it. */
public record Shipment(
        String shipmentId,
        String carrierId,
        String crossingId,
        Direction direction,
        LaneType laneType,
        Instant plannedArrival,
        Map<String, String> referenceNumbers,
        long revision,
        Instant registeredAt,
        Instant updatedAt) {
}
