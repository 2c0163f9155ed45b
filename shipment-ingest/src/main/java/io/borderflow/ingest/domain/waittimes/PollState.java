package io.borderflow.ingest.domain.waittimes;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the feed reader stands: when it polls next, when a poll last succeeded, and the failures since. A failed
 * poll backs off (initial, doubled per failure in a row, capped); a success returns to the poll interval.
 *
 * @param lastSuccessAt null until a poll succeeded
 * @param lastFailure   why the latest poll failed; null after a success
 */
public record PollState(Instant nextAttemptAt, Instant lastSuccessAt, int consecutiveFailures, String lastFailure) {

    public static PollState start(Instant now) {
        return new PollState(now, null, 0, null);
    }

    public boolean due(Instant now) {
        return !now.isBefore(nextAttemptAt);
    }

    public PollState succeeded(Instant now, Duration pollInterval) {
        return new PollState(now.plus(pollInterval), now, 0, null);
    }

    public PollState failed(Instant now, String reason, Duration backoffInitial, Duration backoffMax) {
        int failures = consecutiveFailures + 1;
        return new PollState(now.plus(backoff(failures, backoffInitial, backoffMax)), lastSuccessAt, failures, reason);
    }

    /** The first failure after a success (or at start) begins an outage: the one failure that is logged. */
    public boolean outageBegins() {
        return consecutiveFailures == 1;
    }

    static Duration backoff(int failures, Duration initial, Duration max) {
        Duration delay = initial;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
