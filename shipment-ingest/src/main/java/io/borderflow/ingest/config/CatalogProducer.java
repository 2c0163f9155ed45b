package io.borderflow.ingest.config;

import io.borderflow.events.catalog.CrossingCatalog;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The crossing catalog from shipment-events: a shipment's crossing must be one of it. */
public class CatalogProducer {

    @Produces
    @Singleton
    CrossingCatalog crossingCatalog() {
        return CrossingCatalog.load();
    }
}
