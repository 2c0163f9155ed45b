package io.borderflow.ingest.domain;

import io.borderflow.events.JourneyStatus;
import java.time.Instant;

/**
 * Filters of the shipment list; each is optional. {@code from}/{@code to} bound the planned arrival
 * ({@code from} inclusive, {@code to} exclusive); {@code status} is the journey status from the delay
 * analyzer, PLANNED while none is known.
 */
public record ShipmentQuery(String carrierId, String crossingId, JourneyStatus status, Instant from, Instant to,
        int page, int size) {
}
