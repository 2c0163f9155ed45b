package io.borderflow.support.rest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many clients hold the service's server-sent-event stream open ({@code borderflow_sse_clients}): each is a
 * dashboard tab, and each costs the service a connection and the work of every event. A client that goes away is
 * counted out when its stream is cancelled — at the next event or keep-alive comment at the latest. Registered at
 * start, so the gauge is scraped (0) before the first client: dashboards and their check find it.
 */
@Startup
@ApplicationScoped
public class SseClients {

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final Gauge gauge;

    SseClients(MeterRegistry registry) {
        this.registry = registry;
        this.gauge = Gauge.builder("borderflow.sse.clients", open, AtomicInteger::get)
                .description("Clients holding a server-sent-event stream open").strongReference(true).register(registry);
    }

    /** {@code events}, counted as one client while subscribed. */
    public <T> Multi<T> counted(Multi<T> events) {
        return events.onSubscription().invoke(subscription -> open.incrementAndGet())
                .onTermination().invoke((failure, cancelled) -> open.decrementAndGet());
    }

    /** The registry outlives this bean (tests restart the application in one JVM): unbind the gauge. */
    @PreDestroy
    void close() {
        registry.remove(gauge);
    }
}
