package io.borderflow.analyzer.rest;

import io.borderflow.support.rest.SseClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The clients of {@code GET /api/v1/crossings/stream}: {@code borderflow_sse_clients{stream="crossings"}}, from start. */
@Singleton
class CrossingStreamClients {

    @Produces
    @Startup
    @Singleton
    SseClients crossingStream(MeterRegistry registry) {
        return new SseClients(registry, "crossings");
    }

    void close(@Disposes SseClients clients) {
        clients.close();
    }
}
