package io.borderflow.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** The reader of CBP's Border Wait Times feed: {@code borderflow.cbp.*}. */
@ConfigMapping(prefix = "borderflow.cbp")
public interface CbpConfig {

    /** Off: the feed is never fetched, nothing is published to border-waits.v1. */
    @WithDefault("true")
    boolean enabled();

    /** CBP's XML feed; the local stack points it at its recorded snapshots. */
    @WithDefault("https://bwt.cbp.gov/xml/bwt.xml")
    URI feedUrl();

    /** Between successful polls. CBP's officers update about hourly; the feed itself changes every few minutes. */
    @WithDefault("5m")
    Duration pollInterval();

    @WithDefault("10s")
    Duration connectTimeout();

    /** For the whole answer, headers and body. */
    @WithDefault("30s")
    Duration readTimeout();

    /** After a failed poll the next one comes this much later, doubling with each failure in a row... */
    @WithDefault("30s")
    Duration backoffInitial();

    /** ...up to this. */
    @WithDefault("30m")
    Duration backoffMax();

    /** A body larger than this is cut off and the poll fails (the whole real feed is about 0.4 MB). */
    @WithDefault("4M")
    MemorySize maxBodySize();

    /** How long one poll waits for PostgreSQL to record its changed readings (and queue them in the outbox). */
    @WithDefault("10s")
    Duration recordTimeout();
}
