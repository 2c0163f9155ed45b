package io.borderflow.alerts.messaging;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.service.AlertMetrics;
import io.borderflow.support.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

/**
 * Relays alert-service's outbox (AlertStateChanged events, key = fingerprint) to alerts.v1 through the
 * {@code alerts-out} channel every poll interval. Ordering, batching and the one-replica-at-a-time lock:
 * {@link Outbox}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Outbox outbox;
    private final MutinyEmitter<byte[]> alerts;
    private final AlertsConfig config;
    private final AlertMetrics metrics;

    OutboxRelay(Outbox outbox, @Channel("alerts-out") MutinyEmitter<byte[]> alerts, AlertsConfig config,
            AlertMetrics metrics) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.config = config;
        this.metrics = metrics;
    }

    // not before the application runs: until then the emitter cannot connect to its channel
    @Scheduled(every = "${borderflow.alerts.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relay() {
        return outbox.relay(alerts, config.outbox().batchSize())
                .chain(outbox::backlog).invoke(metrics::outboxBacklog).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warn("outbox relay round failed; the next one retries", failure))
                .onFailure().recoverWithNull();
    }
}
