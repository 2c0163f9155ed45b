package io.borderflow.ingest.service;

import io.borderflow.ingest.domain.ReceiptStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own meters: checkpoint outcomes by reason and carrier, broker acknowledgement latency,
 * and the outbox backlog (updated by the relay after each round).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer brokerAck;
    private final AtomicLong outboxBacklog = new AtomicLong();
    private final Gauge outboxBacklogGauge;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.brokerAck = Timer.builder("borderflow.ingest.broker.ack")
                .description("Time from sending a checkpoint to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.outboxBacklogGauge = Gauge.builder("borderflow.ingest.outbox.backlog", outboxBacklog, AtomicLong::get)
                .description("Outbox rows not yet published to shipments.v1")
                .strongReference(true)
                .register(registry);
    }

    /** The global registry outlives this bean (tests restart the application in one JVM): unbind the gauge. */
    @PreDestroy
    void close() {
        registry.remove(outboxBacklogGauge);
    }

    /** {@code reason} is the problem type's last segment for REJECTED, "none" otherwise. */
    public void checkpoint(ReceiptStatus status, String reason, String carrierId) {
        Counter.builder("borderflow.ingest.checkpoints")
                .description("Checkpoint events by outcome")
                .tag("outcome", status.name().toLowerCase())
                .tag("reason", reason)
                .tag("carrier", carrierId == null ? "unknown" : carrierId)
                .register(registry)
                .increment();
    }

    /** Events not acknowledged by the broker: the whole call answered 503. */
    public void checkpointsUnavailable(int events, String carrierId) {
        Counter.builder("borderflow.ingest.checkpoints")
                .description("Checkpoint events by outcome")
                .tag("outcome", "unavailable")
                .tag("reason", "broker-unavailable")
                .tag("carrier", carrierId == null ? "unknown" : carrierId)
                .register(registry)
                .increment(events);
    }

    public Timer.Sample startAck() {
        return Timer.start(registry);
    }

    public void stopAck(Timer.Sample sample) {
        sample.stop(brokerAck);
    }

    public void outboxBacklog(long rows) {
        outboxBacklog.set(rows);
    }
}
