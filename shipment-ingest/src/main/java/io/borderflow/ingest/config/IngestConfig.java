package io.borderflow.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of shipment-ingest: {@code borderflow.ingest.*}. */
@ConfigMapping(prefix = "borderflow.ingest")
public interface IngestConfig {

    /** How long a checkpoint post waits for the broker's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration brokerAckTimeout();

    /** Most events in one batch post. */
    @WithDefault("1000")
    int maxBatchSize();

}
