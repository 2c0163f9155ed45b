package io.borderflow.support.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * What waits in an outbox: how many records, and since when the oldest. The age is taken at the time it is asked,
 * not when the backlog was read, so a relay that stopped reading shows an age that keeps growing.
 *
 * @param oldest when the oldest unsent record was appended; null when none waits
 */
public record OutboxBacklog(long rows, Instant oldest) {

    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, null);

    /** Seconds the oldest unsent record has waited at {@code now}; 0 when none waits. */
    public double oldestAgeSeconds(Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis() / 1000.0);
    }
}
