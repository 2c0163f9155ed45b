package io.borderflow.alerts.rest;

import io.borderflow.support.rest.SseClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clients of {@code GET /api/v1/alerts/stream}: {@code borderflow_sse_clients{stream="alerts"}}, from start. */
@Singleton
class AlertStreamClients {

    @Produces
    @Startup
    @Singleton
    SseClients alertStream(MeterRegistry registry) {
        return new SseClients(registry, "alerts");
    }

    void close(@Disposes SseClients clients) {
        clients.close();
    }
}
