package io.borderflow.ingest.config;

import io.borderflow.ingest.domain.geofence.GeofenceRules;
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

    /** Most events in one batch post (checkpoints, and positions of one shipment). */
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

    Geofence geofence();

    /** How GPS positions become checkpoints: the defaults are {@link GeofenceRules}' constants. */
    interface Geofence {

        /** A truck is in a zone (or past the exit) once its pings stay there this long. */
        @WithDefault(GeofenceRules.DEFAULT_MIN_DWELL)
        Duration minDwell();

        /** Hysteresis at zone edges: pings count in a zone only this far inside it. */
        @WithDefault(GeofenceRules.DEFAULT_EDGE_MARGIN_METERS)
        double edgeMarginMeters();

        /** Pings with a reported accuracy worse than this are ignored. */
        @WithDefault(GeofenceRules.DEFAULT_MAX_ACCURACY_METERS)
        double maxAccuracyMeters();

        /** Pings this far apart across a zone edge: the edge's crossing time is interpolated between them. */
        @WithDefault(GeofenceRules.DEFAULT_GAP)
        Duration gap();

        default GeofenceRules rules() {
            return new GeofenceRules(minDwell(), edgeMarginMeters(), maxAccuracyMeters(), gap());
        }
    }

    interface Outbox {

        /** How often the relay looks for unsent shipment changes (it is also woken after each change). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Most outbox rows relayed in one round. */
        @WithDefault("200")
        int batchSize();
    }
}
