package io.borderflow.ingest.service;

import io.borderflow.ingest.domain.ReceiptStatus;
import io.borderflow.support.outbox.OutboxBacklog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's own meters: checkpoint outcomes by reason and carrier, broker acknowledgement latency,
 * and the outbox backlog with its oldest record's age (read at every relay poll; the age grows between
 * reads, so a relay that stopped shows it).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Timer brokerAck;
    private final AtomicReference<OutboxBacklog> outboxBacklog = new AtomicReference<>(OutboxBacklog.EMPTY);
    private final Gauge outboxBacklogGauge;
    private final Gauge outboxOldestAgeGauge;
    private final AtomicLong borderWaitLastSuccess = new AtomicLong();
    private final AtomicLong borderWaitUnknownPorts = new AtomicLong();
    private final Gauge borderWaitLastSuccessGauge;
    private final Gauge borderWaitUnknownPortsGauge;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.brokerAck = Timer.builder("borderflow.ingest.broker.ack")
                .description("Time from sending a checkpoint to the broker's acknowledgement")
                .publishPercentileHistogram()
                .register(registry);
        this.outboxBacklogGauge = Gauge.builder("borderflow.ingest.outbox.backlog", outboxBacklog, b -> b.get().rows())
                .description("Outbox rows not yet published (shipment changes to shipments.v1, derived checkpoints to checkpoints.v1)")
                .strongReference(true)
                .register(registry);
        this.outboxOldestAgeGauge = Gauge.builder("borderflow.ingest.outbox.oldest.age", outboxBacklog,
                        b -> b.get().oldestAgeSeconds(Instant.now()))
                .description("How long the oldest unpublished outbox row has waited (0: none waits)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        this.borderWaitLastSuccessGauge = Gauge.builder("borderflow.cbp.poll.last.success", borderWaitLastSuccess,
                        AtomicLong::get)
                .description("When a poll of CBP's Border Wait Times feed last succeeded (Unix seconds; 0: never)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        this.borderWaitUnknownPortsGauge = Gauge.builder("borderflow.cbp.unknown.ports", borderWaitUnknownPorts,
                        AtomicLong::get)
                .description("Ports of the latest CBP feed read that name no catalog crossing (ignored)")
                .strongReference(true)
                .register(registry);
    }

    /** The global registry outlives this bean (tests restart the application in one JVM): unbind the gauge. */
    @PreDestroy
    void close() {
        registry.remove(outboxBacklogGauge);
        registry.remove(outboxOldestAgeGauge);
        registry.remove(borderWaitLastSuccessGauge);
        registry.remove(borderWaitUnknownPortsGauge);
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

    public void outboxBacklog(OutboxBacklog backlog) {
        outboxBacklog.set(backlog);
    }

    /** One poll of the CBP feed: {@code read}, {@code not-modified} or {@code failure}; successes carry their time. */
    public void borderWaitPoll(String outcome, Instant succeededAt) {
        Counter.builder("borderflow.cbp.polls")
                .description("Polls of CBP's Border Wait Times feed by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        if (succeededAt != null) {
            borderWaitLastSuccess.set(succeededAt.getEpochSecond());
        }
    }

    /** A feed read: the readings published because they changed, the ports ignored. */
    public void borderWaitsRead(int published, int unknownPorts) {
        Counter.builder("borderflow.cbp.readings.published")
                .description("CBP readings recorded for border-waits.v1 (changed ones only, once across replicas)")
                .register(registry)
                .increment(published);
        borderWaitUnknownPorts.set(unknownPorts);
    }

    /** A reported position: {@code outcome} accepted, duplicate, rejected (with the problem type) or unavailable. */
    public void position(String outcome, String reason, int positions) {
        Counter.builder("borderflow.ingest.positions")
                .description("Reported GPS positions by outcome")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry)
                .increment(positions);
    }

    /** A ping through the geofence derivation: used, inaccurate, stale, after-exit, no-geofence. */
    public void geofencePing(String outcome) {
        Counter.builder("borderflow.ingest.geofence.pings")
                .description("Positions consumed by the geofence derivation, by what they did")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    /** A checkpoint derived from positions, appended to the outbox for checkpoints.v1. */
    public void geofenceCheckpoint(String type) {
        Counter.builder("borderflow.ingest.geofence.checkpoints")
                .description("Checkpoints derived from GPS positions")
                .tag("type", type)
                .register(registry)
                .increment();
    }
}
