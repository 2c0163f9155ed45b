package io.borderflow.alerts.domain;

import java.time.Instant;
import java.util.UUID;

/** A rule's condition for one input update, at the update's event time. */
public record Observation(Condition condition, Double value, Instant at, UUID eventId) {

    /** Nothing observed yet: the condition is unknown. */
    public static final Observation NONE = new Observation(Condition.UNKNOWN, null, null, null);
}
