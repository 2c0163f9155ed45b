package io.borderflow.events.serde;

import io.borderflow.events.BorderWaitReported;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class BorderWaitReportedDeserializer extends JsonSerde<BorderWaitReported> {

    public BorderWaitReportedDeserializer() {
        super(BorderWaitReported.class);
    }
}
