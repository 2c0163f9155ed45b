package io.borderflow.alerts.notification;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half of {@code min(max, initial × 2^(attempt−1))} plus a random
 * part up to the other half, so many failed notifications do not retry in lockstep against a recovering
 * receiver, and no retry comes sooner than half the nominal delay.
 */
public record Backoff(Duration initial, Duration max) {

    public Duration delayAfter(int attempt) {
        long nominal = initial.toMillis() << Math.min(Math.max(attempt - 1, 0), 30);
        long capped = Math.min(Math.max(nominal, 1), max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
