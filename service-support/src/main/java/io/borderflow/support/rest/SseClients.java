package io.borderflow.support.rest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many clients hold one server-sent-event stream open ({@code borderflow_sse_clients{stream}}): each is a
 * dashboard tab, and each costs the service a connection and the work of every event. A client that goes away is
 * counted out when its stream is cancelled — at the next event or keep-alive comment at the latest. Not a bean: the
 * service that serves a stream produces one per stream at start ({@code @Startup} producer, {@link #close} as its
 * disposer), so the gauge is scraped (0) before the first client — dashboards and their check find it — and a
 * service without a stream exports none.
 */
public final class SseClients implements AutoCloseable {

    private final MeterRegistry registry;
    private final AtomicInteger open = new AtomicInteger();
    private final Gauge gauge;

    /** @param stream what the stream carries, as the {@code stream} label says it (e.g. {@code crossings}) */
    public SseClients(MeterRegistry registry, String stream) {
        this.registry = registry;
        this.gauge = Gauge.builder("borderflow.sse.clients", open, AtomicInteger::get)
                .description("Clients holding a server-sent-event stream open").tag("stream", stream)
                .strongReference(true).register(registry);
    }

    /** {@code events}, counted as one client while subscribed. */
    public <T> Multi<T> counted(Multi<T> events) {
        return events.onSubscription().invoke(subscription -> open.incrementAndGet())
                .onTermination().invoke((failure, cancelled) -> open.decrementAndGet());
    }

    /** The registry outlives the producing bean (tests restart the application in one JVM): unbind the gauge. */
    @Override
    public void close() {
        registry.remove(gauge);
    }
}
