package io.borderflow.alerts.config;

import io.borderflow.events.catalog.CrossingCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The crossing catalog: rule scopes may only name crossings that exist. */
@ApplicationScoped
public class CatalogProducer {

    @Produces
    @Singleton
    CrossingCatalog catalog() {
        return CrossingCatalog.load();
    }
}
