package io.borderflow.events;

import java.time.Instant;
import java.util.UUID;

/** What every BorderFlow event carries: a unique id, when the fact happened, and its schema version. */
public interface Event {

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();
}
