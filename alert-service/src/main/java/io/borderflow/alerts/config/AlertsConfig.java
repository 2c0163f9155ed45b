package io.borderflow.alerts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of alert-service: {@code borderflow.alerts.*}. */
@ConfigMapping(prefix = "borderflow.alerts")
public interface AlertsConfig {

    /** How often rules are evaluated without new input, so time-based transitions happen. */
    @WithDefault("15s")
    Duration evaluationInterval();

    /** How often a firing, unacknowledged alert is notified again. */
    @WithDefault("4h")
    Duration repeatInterval();

}
