package io.borderflow.ingest.config;

import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.catalog.CrossingGeofences;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.ConfigProvider;

/** The crossing catalog and its geofences, from shipment-events: a shipment's crossing must be one of it. */
public class CatalogProducer {

    @Produces
    @Singleton
    CrossingCatalog crossingCatalog() {
        return CrossingCatalog.load();
    }

    /** The geofences positions are judged by: the file CrossingGeofences.FILE_SETTING names (the analyzer draws the same), else the defaults. */
    @Produces
    @Singleton
    CrossingGeofences crossingGeofences() {
        return CrossingGeofences.configured(
                ConfigProvider.getConfig().getOptionalValue(CrossingGeofences.FILE_SETTING, Path.class));
    }
}
