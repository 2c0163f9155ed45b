package io.borderflow.analyzer.config;

import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.Publication;
import io.borderflow.analyzer.domain.advice.AdviceRanking;
import io.borderflow.analyzer.domain.advice.DriveTimeEstimate;
import io.borderflow.analyzer.domain.advice.GreatCircleDriveTime;
import io.borderflow.analyzer.streams.AnalyzerSettings;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.support.config.GeofenceFileConfig;
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

    /** The geofences ingest derives checkpoints at (the same setting names a deployment's file), for the map. */
    @Produces
    @Singleton
    CrossingGeofences geofences(GeofenceFileConfig config) {
        return CrossingGeofences.configured(config.file());
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

    /** The drive-time estimate; a routing service's client can replace this producer. */
    @Produces
    @Singleton
    DriveTimeEstimate driveTime(AnalyzerConfig config) {
        return new GreatCircleDriveTime(config.advice().detourFactor(), config.advice().truckSpeedKmh());
    }

    @Produces
    @Singleton
    AdviceRanking adviceRanking(DriveTimeEstimate driveTime, AnalyzerConfig config) {
        return new AdviceRanking(driveTime, config.advice().liveHorizon(), !config.advice().alwaysOpen());
    }
}
