package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.Publication;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.Duration;

/**
 * Everything the topology needs to know besides the clock.
 *
 * @param journeyRetention   how long a journey is kept after its last checkpoint (longer than stall-after,
 *                           so a stalled journey can resume and a late repeat of an eventId is recognised)
 * @param reportedStaleAfter a CBP reading older than this is not published beside the statistics
 */
public record AnalyzerSettings(
        DelayRules rules,
        Publication publication,
        Duration stallCheckInterval,
        Duration journeyRetention,
        Duration reportedStaleAfter,
        CrossingCatalog catalog) {

    public AnalyzerSettings {
        if (journeyRetention.compareTo(rules.stallAfter()) <= 0) {
            throw new IllegalArgumentException("journey retention " + journeyRetention
                    + " must be longer than stall-after " + rules.stallAfter());
        }
    }

    /** The defaults as configuration text (ISO-8601): {@code AnalyzerConfig}'s {@code @WithDefault}s are these. */
    public static final String DEFAULT_STALL_CHECK_INTERVAL = "PT10S";
    public static final String DEFAULT_JOURNEY_RETENTION = "PT24H";

    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(DelayRules.DEFAULTS, Publication.DEFAULTS,
                Duration.parse(DEFAULT_STALL_CHECK_INTERVAL), Duration.parse(DEFAULT_JOURNEY_RETENTION),
                Duration.parse(ReportedWait.DEFAULT_STALE_AFTER), CrossingCatalog.load());
    }

    public double freeFlowMinutes(String crossingId) {
        return catalog.byId(crossingId).orElseThrow(() -> new IllegalStateException("unknown crossing " + crossingId))
                .freeFlowMinutes();
    }
}
