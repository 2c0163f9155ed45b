package io.borderflow.analyzer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Configuration of delay-analyzer: {@code borderflow.analyzer.*}. */
@ConfigMapping(prefix = "borderflow.analyzer")
public interface AnalyzerConfig {

    /** Length of the sliding window W of completed samples. */
    @WithDefault("60m")
    Duration window();

    /** A shipment whose last checkpoint is older than this and that has not exited is stalled. */
    @WithDefault("120m")
    Duration stallAfter();

    /** A series without a checkpoint for this long is stale. */
    @WithDefault("30m")
    Duration staleAfter();

    /** Free-flow crossing time of crossings without their own {@link #freeFlow()} entry. */
    @WithDefault("10m")
    Duration defaultFreeFlow();

    /** Free-flow crossing time by crossing id, e.g. {@code borderflow.analyzer.free-flow."el-paso-ysleta-zaragoza"=8m}. */
    Map<String, Duration> freeFlow();

    /** A series is republished on change at most this often. */
    @WithDefault("1s")
    Duration publishMinInterval();

    /** A series with data is republished at least this often, so windows slide and staleness shows. */
    @WithDefault("30s")
    Duration publishHeartbeat();

    /** How often journeys are checked for stalls (wall-clock punctuation). */
    @WithDefault("10s")
    Duration stallCheckInterval();

    /** How long a journey is remembered after its last checkpoint, to recognise repeated eventIds. */
    @WithDefault("24h")
    Duration journeyRetention();

    /** How long the 5-minute history bins are kept. */
    @WithDefault("30d")
    Duration historyRetention();
}
