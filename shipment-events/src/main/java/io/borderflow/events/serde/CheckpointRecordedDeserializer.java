package io.borderflow.events.serde;

import io.borderflow.events.CheckpointRecorded;

/** For SmallRye Reactive Messaging's {@code value.deserializer}, which needs a no-argument class. */
public class CheckpointRecordedDeserializer extends JsonSerde<CheckpointRecorded> {

    public CheckpointRecordedDeserializer() {
        super(CheckpointRecorded.class);
    }
}
