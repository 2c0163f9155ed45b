package io.borderflow.analyzer.config;

import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.Publication;
import io.borderflow.analyzer.streams.AnalyzerSettings;
import io.borderflow.events.catalog.CrossingCatalog;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The analyzer's typed settings, the crossing catalog and the clock, as beans. */
public class AnalyzerProducers {

    /** The one source of "now"; tests replace it to control time. */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    CrossingCatalog catalog(AnalyzerConfig config) {
        return CrossingCatalog.load(config.defaultFreeFlow(), config.freeFlow());
    }

    @Produces
    @Singleton
    AnalyzerSettings settings(AnalyzerConfig config, CrossingCatalog catalog) {
        return new AnalyzerSettings(
                new DelayRules(config.window(), config.stallAfter(), config.staleAfter()),
                new Publication(config.publishMinInterval(), config.publishHeartbeat()),
                config.stallCheckInterval(),
                config.journeyRetention(),
                config.reportedStaleAfter(),
                catalog);
    }
}
