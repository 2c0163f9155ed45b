package io.borderflow.alerts.repository;

import io.borderflow.support.outbox.OutboxBacklog;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification outbox. Rows are written with the transition (Panache, in its transaction); the delivery
 * worker claims and settles them with plain SQL on the pool, each statement its own transaction, so no
 * database transaction stays open while a receiver is called.
 */
@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<NotificationEntity, Long> {

    /** A notification not yet delivered nor dead; the others are {@code SENT} and {@code DEAD}. */
    public static final String PENDING = "PENDING";

    /** Due rows, oldest first, only the first pending one per alert and channel (a resolve never overtakes its trigger). */
    private static final String CLAIM = """
            update alerts.notification n set attempts = n.attempts + 1, next_attempt_at = $2
            where n.id in (
                select c.id from alerts.notification c
                where c.status = 'PENDING' and c.next_attempt_at <= $1
                  and not exists (select 1 from alerts.notification o
                                  where o.fingerprint = c.fingerprint and o.channel = c.channel
                                    and o.status = 'PENDING' and o.id < c.id)
                order by c.id limit $3
                for update skip locked)
            returning n.id, n.channel, n.idempotency_key, n.payload, n.attempts, n.created_at, n.target, n.traceparent""";

    /** Every notification not yet delivered nor dead (retries waiting for their backoff too), and the oldest's age. */
    private static final String BACKLOG = """
            select count(*) as pending, min(created_at) as oldest from alerts.notification where status = 'PENDING'""";

    /** A notification claimed for one attempt; {@code attempts} already counts it. */
    public record Claimed(long id, String channel, String idempotencyKey, String payload, int attempts,
            Instant createdAt, String target, String traceparent) {
        static Claimed of(Row row) {
            return new Claimed(row.getLong("id"), row.getString("channel"), row.getString("idempotency_key"),
                    row.getString("payload"), row.getInteger("attempts"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getString("target"),
                    row.getString("traceparent"));
        }
    }

    private final Pool pool;

    NotificationRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Claims up to {@code limit} due notifications with {@code FOR UPDATE SKIP LOCKED} and a lease until
     * {@code leaseUntil}: replicas never send the same row at once, and a row whose worker died is due again.
     */
    public Uni<List<Claimed>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(utc(now), utc(leaseUntil), limit)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>();
            rows.forEach(row -> claimed.add(Claimed.of(row)));
            return claimed;
        });
    }

    /** What waits in the notification outbox: pending notifications and when the oldest was planned. */
    public Uni<OutboxBacklog> backlog() {
        return pool.query(BACKLOG).execute().map(rows -> {
            Row row = rows.iterator().next();
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            return oldest == null ? OutboxBacklog.EMPTY : new OutboxBacklog(row.getLong("pending"), oldest.toInstant());
        });
    }

    public Uni<Void> sent(long id, Instant at, Integer statusCode) {
        return update("update alerts.notification set status = 'SENT', sent_at = $2, last_status_code = $3, "
                + "last_error = null where id = $1", Tuple.of(id, utc(at), statusCode));
    }

    public Uni<Void> retryAt(long id, Instant next, Integer statusCode, String error) {
        return update("update alerts.notification set status = 'PENDING', next_attempt_at = $2, "
                + "last_status_code = $3, last_error = $4 where id = $1", Tuple.of(id, utc(next), statusCode, error));
    }

    public Uni<Void> dead(long id, Integer statusCode, String error) {
        return update("update alerts.notification set status = 'DEAD', last_status_code = $2, last_error = $3 "
                + "where id = $1", Tuple.of(id, statusCode, error));
    }

    private Uni<Void> update(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
