package io.borderflow.ingest.messaging;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.service.IngestMetrics;
import io.borderflow.support.outbox.Outbox;
import io.borderflow.support.outbox.OutboxCommits;
import io.borderflow.support.outbox.Round;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Relays ingest's outbox through the {@code shipments-out} channel — shipment changes to shipments.v1, CBP readings
 * to border-waits.v1, checkpoints derived from GPS positions to checkpoints.v1 (each row names its topic) — as soon
 * as an append commits and at every poll interval, and reports the backlog. Ordering, batching and the
 * one-replica-at-a-time lock: {@link Outbox}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final OutboxCommits commits;
    private final IngestMetrics metrics;
    private final Round round;

    OutboxRelay(Outbox outbox, OutboxCommits commits, @Channel("shipments-out") MutinyEmitter<byte[]> shipments,
            IngestMetrics metrics, IngestConfig config, Vertx vertx) {
        this.outbox = outbox;
        this.commits = commits;
        this.metrics = metrics;
        int batchSize = config.outbox().batchSize();
        this.round = new Round(vertx, () -> outbox.relay(shipments, batchSize).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("outbox relay round failed: %s", e.toString()))
                .onFailure().recoverWithNull());
    }

    /** From start-up on, every committed outbox append starts a round at once; the poll stays as the fallback. */
    void listen(@Observes StartupEvent started) {
        commits.onCommit(round::wake);
    }

    // not before the application runs: until then the emitter cannot connect to its channel
    @Scheduled(identity = "outbox-relay", every = "${borderflow.ingest.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        round.wake();
        return outbox.backlog().invoke(metrics::outboxBacklog)
                .onFailure().invoke(e -> LOG.warnf("outbox backlog not read: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
