package io.borderflow.events.serde;

import io.borderflow.events.ShipmentDelayUpdated;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class ShipmentDelayUpdatedDeserializer extends JsonSerde<ShipmentDelayUpdated> {

    public ShipmentDelayUpdatedDeserializer() {
        super(ShipmentDelayUpdated.class);
    }
}
