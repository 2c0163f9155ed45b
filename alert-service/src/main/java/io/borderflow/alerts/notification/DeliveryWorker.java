package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.repository.NotificationRepository;
import io.borderflow.alerts.repository.NotificationRepository.Claimed;
import io.borderflow.alerts.service.AlertMetrics;
import io.borderflow.alerts.service.ScheduledRound;
import io.borderflow.support.outbox.OutboxCommits;
import io.borderflow.support.outbox.Round;
import io.borderflow.support.tracing.TraceContexts;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends due notifications from the outbox. A batch is claimed with {@code FOR UPDATE SKIP LOCKED} and a
 * lease (so replicas never send the same row at once, and a row claimed by a worker that died is retried),
 * in order per alert and channel (a resolve never overtakes its trigger). Retries back off exponentially
 * with jitter on connection errors, 429 and 5xx; other 4xx, the maximum attempts or the maximum age make
 * the notification dead.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final NotificationRepository notifications;
    private final Map<String, Channel> channels;
    private final AlertsConfig config;
    private final Clock clock;
    private final AlertMetrics metrics;
    private final Backoff backoff;
    private final OutboxCommits commits;
    private final Round round;

    DeliveryWorker(NotificationRepository notifications, jakarta.enterprise.inject.Instance<Channel> channels,
            AlertsConfig config, Clock clock, AlertMetrics metrics, OutboxCommits commits, Vertx vertx) {
        this.notifications = notifications;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
        this.commits = commits;
        this.round = new Round(vertx, () -> ScheduledRound.guarded(deliverBatch(), Duration.ofMinutes(5), LOG,
                "notification delivery round"));
    }

    /** From start-up on, every committed outbox append starts a round at once; the poll stays as the fallback. */
    void listen(@Observes StartupEvent started) {
        commits.onCommit(round::wake);
    }

    /**
     * Every poll interval, and whenever an outbox append commits: a transition's notifications are written in the
     * transaction that announces it, so they are due at once. Retries and repeats wait for the poll, which also
     * reports what waits in the outbox.
     */
    @Scheduled(every = "${borderflow.alerts.delivery.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not while the application stops: its database pool closes before the scheduler's last ticks
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> deliverDue() {
        round.wake();
        return notifications.backlog().invoke(metrics::notificationBacklog).replaceWithVoid()
                .onFailure().invoke(failure -> LOG.warnf("notification backlog not read: %s", failure.toString()))
                .onFailure().recoverWithNull();
    }

    /** Claims and sends one batch; the number of notifications attempted. */
    public Uni<Integer> deliverBatch() {
        Instant now = clock.instant();
        Duration lease = config.delivery().timeout().multipliedBy(2);
        return notifications.claimDue(now, now.plus(lease), config.delivery().batchSize())
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(this::attempt).merge(4)
                        .collect().asList().map(List::size));
    }

    private Uni<Void> attempt(Claimed notification) {
        Channel channel = channels.get(notification.channel());
        Uni<DeliveryResult> result;
        // the request continues the trace the notification was planned in (HttpPost starts its span now)
        try (Scope ignored = TraceContexts.ofTraceparent(notification.traceparent()).orElse(Context.current())
                .makeCurrent()) {
            result = channel == null
                    ? Uni.createFrom().item(new DeliveryResult.Reject(null, "no channel " + notification.channel()))
                    : channel.deliver(notification.payload(), notification.idempotencyKey(), notification.target());
        }
        return result.flatMap(outcome -> record(notification, outcome));
    }

    private Uni<Void> record(Claimed n, DeliveryResult outcome) {
        Instant now = clock.instant();
        if (outcome instanceof DeliveryResult.Delivered delivered) {
            metrics.delivered(n.channel(), Duration.between(n.createdAt(), now));
            return notifications.sent(n.id(), now, delivered.statusCode());
        }
        if (outcome instanceof DeliveryResult.Reject reject) {
            return dead(n, reject.statusCode(), reject.error());
        }
        DeliveryResult.Retry retry = (DeliveryResult.Retry) outcome;
        metrics.failed(n.channel());
        boolean exhausted = n.attempts() >= config.delivery().maxAttempts()
                || !now.isBefore(n.createdAt().plus(config.delivery().maxAge()));
        if (exhausted) {
            return dead(n, retry.statusCode(), retry.error());
        }
        Instant next = now.plus(backoff.delayAfter(n.attempts()));
        return notifications.retryAt(n.id(), next, retry.statusCode(), truncate(retry.error()));
    }

    private Uni<Void> dead(Claimed n, Integer statusCode, String error) {
        LOG.warnf("notification %s via %s is dead after %d attempt(s): %s", n.idempotencyKey(), n.channel(),
                n.attempts(), error);
        metrics.dead(n.channel());
        return notifications.dead(n.id(), statusCode, truncate(error));
    }

    /** The column holds 1,000 characters. */
    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
