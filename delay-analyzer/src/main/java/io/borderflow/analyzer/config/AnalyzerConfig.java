package io.borderflow.analyzer.config;

import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.Publication;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.analyzer.domain.advice.ExpectedWait;
import io.borderflow.analyzer.domain.advice.GreatCircleDriveTime;
import io.borderflow.analyzer.streams.AnalyzerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Configuration of delay-analyzer: {@code borderflow.analyzer.*}. The defaults of the rules are the domain's own
 * (the tests drive the topology without Quarkus and need the same values), named here, not repeated.
 */
@ConfigMapping(prefix = "borderflow.analyzer")
public interface AnalyzerConfig {

    /** Length of the sliding window W of completed samples. */
    @WithDefault(DelayRules.DEFAULT_WINDOW)
    Duration window();

    /** A shipment whose last checkpoint is older than this and that has not exited is stalled. */
    @WithDefault(DelayRules.DEFAULT_STALL_AFTER)
    Duration stallAfter();

    /** A series without a checkpoint for this long is stale. */
    @WithDefault(DelayRules.DEFAULT_STALE_AFTER)
    Duration staleAfter();

    /** Free-flow crossing time of crossings without their own {@link #freeFlow()} entry. */
    @WithDefault("10m")
    Duration defaultFreeFlow();

    /** Free-flow crossing time by crossing id, e.g. {@code borderflow.analyzer.free-flow."el-paso-ysleta-zaragoza"=8m}. */
    Map<String, Duration> freeFlow();

    /** A series is republished on change at most this often. */
    @WithDefault(Publication.DEFAULT_MIN_INTERVAL)
    Duration publishMinInterval();

    /** A series with data is republished at least this often, so windows slide and staleness shows. */
    @WithDefault(Publication.DEFAULT_HEARTBEAT)
    Duration publishHeartbeat();

    /** How often journeys are checked for stalls (wall-clock punctuation). */
    @WithDefault(AnalyzerSettings.DEFAULT_STALL_CHECK_INTERVAL)
    Duration stallCheckInterval();

    /** How long a journey is remembered after its last checkpoint, to recognise repeated eventIds. */
    @WithDefault(AnalyzerSettings.DEFAULT_JOURNEY_RETENTION)
    Duration journeyRetention();

    /** A CBP reported wait older than this (by the officer's update time) is stale: shown as such, not compared. */
    @WithDefault(ReportedWait.DEFAULT_STALE_AFTER)
    Duration reportedStaleAfter();

    /** How long the 5-minute history bins are kept. */
    @WithDefault("30d")
    Duration historyRetention();

    /** Which crossing, and when: {@code borderflow.analyzer.advice.*}. */
    Advice advice();

    interface Advice {

        /** Road distance ÷ great-circle distance, for the drive-time estimate without map data. */
        @WithDefault(GreatCircleDriveTime.DEFAULT_DETOUR_FACTOR)
        double detourFactor();

        /** A truck's average driving speed, km/h. */
        @WithDefault(GreatCircleDriveTime.DEFAULT_TRUCK_SPEED_KMH)
        double truckSpeedKmh();

        /** How far ahead the live wait still counts; it hands over to the hour-of-week profile linearly until then. */
        @WithDefault(ExpectedWait.DEFAULT_LIVE_HORIZON)
        Duration liveHorizon();

        /** A departure further in the past than this is refused (a clock or a typing error, not a plan). */
        @WithDefault("1h")
        Duration maxDepartureInPast();

        /** A departure further ahead than this is refused: the profile describes one week. */
        @WithDefault("7d")
        Duration maxDepartureAhead();

        /**
         * Ignore the crossings' commercial hours, as the traffic simulator's {@code --always-open} does: for tests and
         * demos at night, never in production.
         */
        @WithDefault("false")
        boolean alwaysOpen();

        /** A shipment is kept for its advice until its planned arrival is this long past. */
        @WithDefault("1d")
        Duration shipmentRetention();
    }
}
