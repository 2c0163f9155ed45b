package io.borderflow.alerts.domain;

import java.time.Duration;

/** The durations the lifecycle needs: the rule's {@code for} and {@code keep_firing_for}, and the repeat interval. */
public record Timing(Duration forDuration, Duration keepFiringFor, Duration repeatInterval) {

    public static Timing of(Rule rule, Duration repeatInterval) {
        return new Timing(rule.forDuration(), rule.keepFiringFor(), repeatInterval);
    }
}
