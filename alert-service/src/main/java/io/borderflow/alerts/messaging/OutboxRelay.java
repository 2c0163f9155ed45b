package io.borderflow.alerts.messaging;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.service.AlertMetrics;
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
 * Relays alert-service's outbox (AlertStateChanged events, key = fingerprint) to alerts.v1 through the
 * {@code alerts-out} channel as soon as an append commits and at every poll interval, and reports the backlog at
 * every poll. Ordering, batching and the one-replica-at-a-time lock: {@link Outbox}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final OutboxCommits commits;
    private final AlertMetrics metrics;
    private final Round round;

    OutboxRelay(Outbox outbox, OutboxCommits commits, @Channel("alerts-out") MutinyEmitter<byte[]> alerts,
            AlertsConfig config, AlertMetrics metrics, Vertx vertx) {
        this.outbox = outbox;
        this.commits = commits;
        this.metrics = metrics;
        int batchSize = config.outbox().batchSize();
        this.round = new Round(vertx, () -> outbox.relay(alerts, batchSize).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warn("outbox relay round failed; the next one retries", failure))
                .onFailure().recoverWithNull());
    }

    /** From start-up on, every committed outbox append starts a round at once; the poll stays as the fallback. */
    void listen(@Observes StartupEvent started) {
        commits.onCommit(round::wake);
    }

    // not before the application runs: until then the emitter cannot connect to its channel
    @Scheduled(every = "${borderflow.alerts.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> poll() {
        round.wake();
        return outbox.backlog().invoke(metrics::outboxBacklog).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("outbox backlog not read: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }
}
