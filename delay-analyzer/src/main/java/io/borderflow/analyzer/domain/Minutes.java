package io.borderflow.analyzer.domain;

import java.time.Duration;
import java.time.Instant;

/** Durations as the minutes the API and events speak in (exact to the millisecond, not rounded). */
public final class Minutes {

    public static double of(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    public static double between(Instant from, Instant to) {
        return of(Duration.between(from, to));
    }

    private Minutes() {
    }
}
