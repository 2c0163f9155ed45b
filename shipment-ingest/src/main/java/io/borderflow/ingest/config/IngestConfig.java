package io.borderflow.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of shipment-ingest: {@code borderflow.ingest.*}. */
@ConfigMapping(prefix = "borderflow.ingest")
public interface IngestConfig {

    /** How long a checkpoint post waits for the broker's acknowledgement before answering 503. */
    @WithDefault("5s")
    Duration brokerAckTimeout();

    /** The {@code Retry-After} a 503 suggests to the client. */
    @WithDefault("5s")
    Duration retryAfter();

    /** Most events in one batch post. */
    @WithDefault("1000")
    int maxBatchSize();

    /** Largest request body; larger ones answer 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** A checkpoint may be reported at most this far ahead of the server clock (clock skew of the source). */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** A checkpoint older than this is refused: late enough to be a replay, not a report. */
    @WithDefault("7d")
    Duration maxEventAge();

    /** How many recently accepted eventIds are remembered in memory to answer repeats as DUPLICATE. */
    @WithDefault("100000")
    int recentEventsCapacity();

    Outbox outbox();

    interface Outbox {

        /** How often the relay looks for unsent shipment changes (it is also woken after each change). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most outbox rows relayed in one round. */
        @WithDefault("200")
        int batchSize();
    }
}
