package io.borderflow.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Map;

/**
 * The events of {@link Topics#SHIPMENTS}. Each carries the shipment's full state after the change
 * (event-carried state transfer), so the compacted topic alone tells every shipment's current state.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ShipmentRegistered.class, name = "ShipmentRegistered"),
        @JsonSubTypes.Type(value = ShipmentUpdated.class, name = "ShipmentUpdated")
})
public sealed interface ShipmentEvent extends Event permits ShipmentRegistered, ShipmentUpdated {

    String shipmentId();

    String carrierId();

    String crossingId();

    Direction direction();

    LaneType laneType();

    Instant plannedArrival();

    Map<String, String> referenceNumbers();

    /** 1 when registered, +1 with every accepted change: consumers keep the highest. */
    long revision();
}
