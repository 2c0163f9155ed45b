package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.service.AlertMetrics;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    static final String CLAIM = """
            update alerts.notification n set attempts = n.attempts + 1, next_attempt_at = $2
            where n.id in (
                select c.id from alerts.notification c
                where c.status = 'PENDING' and c.next_attempt_at <= $1
                  and not exists (select 1 from alerts.notification o
                                  where o.fingerprint = c.fingerprint and o.channel = c.channel
                                    and o.status = 'PENDING' and o.id < c.id)
                order by c.id limit $3
                for update skip locked)
            returning n.id, n.channel, n.idempotency_key, n.payload, n.attempts, n.created_at""";

    private final Pool pool;
    private final Map<String, Channel> channels;
    private final AlertsConfig config;
    private final Clock clock;
    private final AlertMetrics metrics;
    private final Backoff backoff;

    DeliveryWorker(Pool pool, jakarta.enterprise.inject.Instance<Channel> channels, AlertsConfig config, Clock clock,
            AlertMetrics metrics) {
        this.pool = pool;
        this.channels = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.backoff = new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
    }

    private record Claimed(long id, String channel, String idempotencyKey, String payload, int attempts,
            Instant createdAt) {
        static Claimed of(Row row) {
            return new Claimed(row.getLong("id"), row.getString("channel"), row.getString("idempotency_key"),
                    row.getString("payload"), row.getInteger("attempts"),
                    row.getOffsetDateTime("created_at").toInstant());
        }
    }

    @Scheduled(every = "${borderflow.alerts.delivery.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> deliverDue() {
        return deliverBatch().replaceWithVoid()
                .ifNoItem().after(Duration.ofMinutes(5)).fail()
                .onFailure().invoke(failure -> LOG.warn("notification delivery round failed", failure))
                .onFailure().recoverWithNull();
    }

    /** Claims and sends one batch; the number of notifications attempted. */
    public Uni<Integer> deliverBatch() {
        Instant now = clock.instant();
        Duration lease = config.delivery().timeout().multipliedBy(2);
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of(utc(now), utc(now.plus(lease)), config.delivery().batchSize()))
                .map(rows -> {
                    List<Claimed> claimed = new java.util.ArrayList<>();
                    rows.forEach(row -> claimed.add(Claimed.of(row)));
                    return claimed;
                })
                .flatMap(claimed -> Multi.createFrom().iterable(claimed)
                        .onItem().transformToUni(this::attempt).merge(4)
                        .collect().asList().map(List::size));
    }

    private Uni<Void> attempt(Claimed notification) {
        Channel channel = channels.get(notification.channel());
        Uni<DeliveryResult> result = channel == null
                ? Uni.createFrom().item(new DeliveryResult.Reject(null, "no channel " + notification.channel()))
                : channel.deliver(notification.payload(), notification.idempotencyKey());
        return result.flatMap(outcome -> record(notification, outcome));
    }

    private Uni<Void> record(Claimed n, DeliveryResult outcome) {
        Instant now = clock.instant();
        if (outcome instanceof DeliveryResult.Delivered delivered) {
            metrics.delivered(n.channel(), Duration.between(n.createdAt(), now));
            return update("update alerts.notification set status = 'SENT', sent_at = $2, last_status_code = $3, "
                    + "last_error = null where id = $1", Tuple.of(n.id(), utc(now), delivered.statusCode()));
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
        return update("update alerts.notification set status = 'PENDING', next_attempt_at = $2, "
                        + "last_status_code = $3, last_error = $4 where id = $1",
                Tuple.of(n.id(), utc(next), retry.statusCode(), truncate(retry.error())));
    }

    private Uni<Void> dead(Claimed n, Integer statusCode, String error) {
        LOG.warnf("notification %s via %s is dead after %d attempt(s): %s", n.idempotencyKey(), n.channel(),
                n.attempts(), error);
        metrics.dead(n.channel());
        return update("update alerts.notification set status = 'DEAD', last_status_code = $2, last_error = $3 "
                + "where id = $1", Tuple.of(n.id(), statusCode, truncate(error)));
    }

    private Uni<Void> update(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
