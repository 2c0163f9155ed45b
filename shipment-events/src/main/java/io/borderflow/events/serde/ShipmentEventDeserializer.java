package io.borderflow.events.serde;

import io.borderflow.events.ShipmentEvent;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class ShipmentEventDeserializer extends JsonSerde<ShipmentEvent> {

    public ShipmentEventDeserializer() {
        super(ShipmentEvent.class);
    }
}
