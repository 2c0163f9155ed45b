package io.borderflow.analyzer.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

}
