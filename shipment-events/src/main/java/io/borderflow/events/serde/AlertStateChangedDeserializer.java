package io.borderflow.events.serde;

import io.borderflow.events.AlertStateChanged;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class AlertStateChangedDeserializer extends JsonSerde<AlertStateChanged> {

    public AlertStateChangedDeserializer() {
        super(AlertStateChanged.class);
    }
}
