package io.borderflow.ingest.messaging;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.repository.OutboxEntity;
import io.borderflow.ingest.repository.OutboxRepository;
import io.borderflow.ingest.service.IngestMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to shipments.v1: at least once (a row is marked sent only after the broker acknowledged it),
 * in order per shipment (rows go out one at a time in id order, and the first failure ends the round so no later
 * change overtakes it). One instance relays at a time: the round holds a PostgreSQL advisory lock.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final ShipmentEventPublisher publisher;
    private final IngestMetrics metrics;
    private final int batchSize;

    public OutboxRelay(OutboxRepository outbox, ShipmentEventPublisher publisher, IngestMetrics metrics,
            IngestConfig config) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.metrics = metrics;
        this.batchSize = config.outbox().batchSize();
    }

    @Scheduled(identity = "outbox-relay", every = "${borderflow.ingest.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return Panache.withTransaction(() -> outbox.tryLockRelay()
                        .chain(locked -> locked ? relayUnsent() : Uni.createFrom().voidItem()))
                .chain(() -> Panache.withSession(outbox::backlog))
                .invoke(metrics::outboxBacklog)
                .onFailure().invoke(e -> LOG.warnf("outbox relay round failed: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> relayUnsent() {
        Context session = Vertx.currentContext();
        return outbox.unsent(batchSize)
                .chain(rows -> sendInOrder(rows)
                        // acknowledgements arrive on a Kafka thread; the session belongs to this context
                        .emitOn(on(session))
                        .chain(sent -> outbox.markSent(sent, Instant.now())))
                .replaceWithVoid();
    }

    private Uni<List<Long>> sendInOrder(List<OutboxEntity> rows) {
        List<Long> sent = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OutboxEntity row : rows) {
            chain = chain.chain(() -> publisher.publish(row).invoke(() -> sent.add(row.id())));
        }
        return chain
                .onFailure().invoke(e -> LOG.warnf("outbox relay stopped after %d of %d rows, retrying next round: %s",
                        sent.size(), rows.size(), e.toString()))
                .onFailure().recoverWithNull()
                .map(ignored -> sent);
    }

    private static Executor on(Context context) {
        return command -> context.runOnContext(ignored -> command.run());
    }
}
