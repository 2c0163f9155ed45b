package io.borderflow.events.serde;

import io.borderflow.events.PositionReported;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class PositionReportedDeserializer extends JsonSerde<PositionReported> {

    public PositionReportedDeserializer() {
        super(PositionReported.class);
    }
}
