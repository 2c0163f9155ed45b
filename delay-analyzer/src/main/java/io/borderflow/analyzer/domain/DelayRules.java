package io.borderflow.analyzer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The time rules of the FHWA/TTI measures, in one place: which samples are in the sliding window, when a
 * shipment is stalled and when a series is stale. Every boundary is stated here and nowhere else.
 *
 * @param window     length W of the sliding window of completed samples
 * @param stallAfter a journey without a checkpoint for this long, and not exited, is stalled
 * @param staleAfter a series without a checkpoint for this long is stale
 */
public record DelayRules(Duration window, Duration stallAfter, Duration staleAfter) {

    /** The defaults as configuration text (ISO-8601): {@code AnalyzerConfig}'s {@code @WithDefault}s are these. */
    public static final String DEFAULT_WINDOW = "PT60M";
    public static final String DEFAULT_STALL_AFTER = "PT120M";
    public static final String DEFAULT_STALE_AFTER = "PT30M";

    public static final DelayRules DEFAULTS = new DelayRules(Duration.parse(DEFAULT_WINDOW),
            Duration.parse(DEFAULT_STALL_AFTER), Duration.parse(DEFAULT_STALE_AFTER));

    public DelayRules {
        requirePositive(window, "window");
        requirePositive(stallAfter, "stallAfter");
        requirePositive(staleAfter, "staleAfter");
    }

    /** The window is (now − W, now]: a sample completing exactly at now − W is out, one at now is in. */
    public boolean inWindow(Instant completedAt, Instant now) {
        return completedAt.isAfter(now.minus(window)) && !completedAt.isAfter(now);
    }

    /** A sample completing after now − W can still be (or become) part of a window ending now or later. */
    public boolean mayStillCount(Instant completedAt, Instant now) {
        return completedAt.isAfter(now.minus(window));
    }

    /** Stalled from exactly stall-after after the last checkpoint, unless the shipment exited. */
    public boolean stalled(Instant lastCheckpointAt, boolean exited, Instant now) {
        return !exited && !now.isBefore(lastCheckpointAt.plus(stallAfter));
    }

    /** Stale from exactly stale-after after the series' last checkpoint. */
    public boolean stale(Instant lastCheckpointAt, Instant now) {
        return !now.isBefore(lastCheckpointAt.plus(staleAfter));
    }

    public int windowMinutes() {
        return (int) window.toMinutes();
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
