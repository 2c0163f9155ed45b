package io.borderflow.ingest.messaging;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.service.IngestMetrics;
import io.borderflow.support.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Relays ingest's outbox every poll interval through the {@code shipments-out} channel — shipment changes to
 * shipments.v1, CBP readings to border-waits.v1, checkpoints derived from GPS positions to checkpoints.v1 (each row
 * names its topic) — and reports the backlog. Ordering, batching and the one-replica-at-a-time lock: {@link Outbox}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final MutinyEmitter<byte[]> shipments;
    private final IngestMetrics metrics;
    private final int batchSize;

    OutboxRelay(Outbox outbox, @Channel("shipments-out") MutinyEmitter<byte[]> shipments, IngestMetrics metrics,
            IngestConfig config) {
        this.outbox = outbox;
        this.shipments = shipments;
        this.metrics = metrics;
        this.batchSize = config.outbox().batchSize();
    }

    // not before the application runs: until then the emitter cannot connect to its channel
    @Scheduled(identity = "outbox-relay", every = "${borderflow.ingest.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return outbox.relay(shipments, batchSize)
                .chain(outbox::backlog)
                .invoke(metrics::outboxBacklog)
                .onFailure().invoke(e -> LOG.warnf("outbox relay round failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
