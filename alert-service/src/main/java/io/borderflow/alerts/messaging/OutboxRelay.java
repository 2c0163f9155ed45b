package io.borderflow.alerts.messaging;

import io.borderflow.alerts.config.AlertsConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Relays AlertStateChanged events from the outbox to alerts.v1 (key = fingerprint), in the order they
 * were written, and marks them published once the broker acknowledged them (acks=all). A crash between
 * the two republishes the batch: consumers deduplicate by eventId.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String UNPUBLISHED = """
            select id, message_key, payload from alerts.outbox_event
            where published_at is null order by id limit $1 for update skip locked""";

    private final Pool pool;
    private final MutinyEmitter<String> alerts;
    private final AlertsConfig config;

    OutboxRelay(Pool pool, @Channel("alerts-out") MutinyEmitter<String> alerts, AlertsConfig config) {
        this.pool = pool;
        this.alerts = alerts;
        this.config = config;
    }

    @Scheduled(every = "${borderflow.alerts.outbox.poll-interval}", delayed = "3s", // after the channels are wired
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return relayBatch().replaceWithVoid()
                .ifNoItem().after(Duration.ofMinutes(1)).fail()
                .onFailure().invoke(failure -> LOG.warn("outbox relay round failed; the next one retries", failure))
                .onFailure().recoverWithNull();
    }

    /** Publishes one batch; the number of events published. */
    public Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(UNPUBLISHED)
                .execute(Tuple.of(config.outbox().batchSize()))
                .flatMap(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Uni<Void>> sends = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getLong("id"));
                        sends.add(alerts.sendMessage(Message.of(row.getString("payload")).addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder().withKey(row.getString("message_key"))
                                        .build())));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    // all sends are handed to the producer in order before any ack is awaited: one partition keeps it
                    return Uni.join().all(sends).andFailFast()
                            .flatMap(acked -> connection.preparedQuery(
                                            "update alerts.outbox_event set published_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(new Long[0]))))
                            .map(updated -> ids.size());
                }));
    }
}
