package io.borderflow.ingest.domain;

import io.borderflow.events.LaneType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;

/**
 * The parts of a shipment a carrier may change after registering it; a field left out stays as it is,
 * {@code referenceNumbers} replaces the whole map. Crossing and direction identify the journey and do not change:
 * a different crossing is a different shipment.
 */
public record ShipmentChanges(
        Instant plannedArrival,
        LaneType laneType,
        @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotBlank @Size(max = 128) String> referenceNumbers) {
}
