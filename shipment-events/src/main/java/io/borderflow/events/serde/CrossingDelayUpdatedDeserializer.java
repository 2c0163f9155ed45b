package io.borderflow.events.serde;

import io.borderflow.events.CrossingDelayUpdated;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class CrossingDelayUpdatedDeserializer extends JsonSerde<CrossingDelayUpdated> {

    public CrossingDelayUpdatedDeserializer() {
        super(CrossingDelayUpdated.class);
    }
}
