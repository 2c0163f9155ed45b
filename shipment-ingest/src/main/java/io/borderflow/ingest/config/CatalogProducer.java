package io.borderflow.ingest.config;

import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.support.config.GeofenceFileConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The crossing catalog and its geofences, from shipment-events: a shipment's crossing must be one of it. */
public class CatalogProducer {

    @Produces
    @Singleton
    CrossingCatalog crossingCatalog() {
        return CrossingCatalog.load();
    }

    /** The geofences positions are judged by: this deployment's file if it has one, else the defaults. */
    @Produces
    @Singleton
    CrossingGeofences crossingGeofences(GeofenceFileConfig config) {
        return CrossingGeofences.configured(config.file());
    }
}
