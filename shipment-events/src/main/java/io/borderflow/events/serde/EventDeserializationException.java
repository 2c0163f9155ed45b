package io.borderflow.events.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record's bytes are not a valid event of the expected type; the message says which field and why. */
public class EventDeserializationException extends SerializationException {

    public EventDeserializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
