package io.borderflow.analyzer.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When a series' statistics are published: as soon as they change but at most once per
 * {@code minInterval}, and at least every {@code heartbeat} (so the window slides and staleness
 * appears even when no checkpoint arrives).
 */
public record Publication(Duration minInterval, Duration heartbeat) {

    /** The defaults as configuration text (ISO-8601): {@code AnalyzerConfig}'s {@code @WithDefault}s are these. */
    public static final String DEFAULT_MIN_INTERVAL = "PT1S";
    public static final String DEFAULT_HEARTBEAT = "PT30S";

    public static final Publication DEFAULTS =
            new Publication(Duration.parse(DEFAULT_MIN_INTERVAL), Duration.parse(DEFAULT_HEARTBEAT));

    public boolean due(SeriesReading reading, SeriesReading lastPublished, Instant lastPublishedAt, Instant now) {
        if (lastPublishedAt == null) {
            return true;
        }
        Duration since = Duration.between(lastPublishedAt, now);
        if (since.compareTo(heartbeat) >= 0) {
            return true;
        }
        return since.compareTo(minInterval) >= 0 && reading.differsFrom(lastPublished);
    }
}
