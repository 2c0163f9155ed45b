package io.borderflow.support.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deployment's own geofences. Ingest derives checkpoints at their zones and the analyzer serves them to the
 * dashboard's map: both read this one setting, under ingest's prefix, where it was first configured.
 */
@ConfigMapping(prefix = GeofenceFileConfig.PREFIX)
public interface GeofenceFileConfig {

    String PREFIX = "borderflow.ingest.geofence";

    /** The full name of {@link #file()}, for tests and tools that set it. */
    String FILE = PREFIX + ".file";

    /** A GeoJSON file of this deployment's geofences, replacing the approximate defaults of shipment-events. */
    Optional<Path> file();
}
