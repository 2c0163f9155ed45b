package io.borderflow.support.outbox;

import io.borderflow.support.repository.OutboxRepository;
import io.borderflow.support.repository.OutboxRepository.Unsent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The transactional outbox of a service: a record is appended in the transaction of the change it announces, and
 * relayed to Kafka afterwards — at least once, in append order per key, by one replica at a time. How and why:
 * service-support's README, "Transactional outbox".
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    /**
     * The producer settles every record within its own timeouts (delivery.timeout.ms, max.block.ms); this only ends
     * a round whose channel stopped answering at all, so that the lock does not stay with a stuck replica.
     */
    private static final Duration STUCK = Duration.ofMinutes(5);

    private final OutboxRepository rows;

    Outbox(OutboxRepository rows) {
        this.rows = rows;
    }

    /**
     * Appends the record; call it inside the caller's {@code Panache.withTransaction}, with the change it announces.
     * The trace it is appended in, if any, goes with it ({@link OutboxTrace}).
     */
    public Uni<Void> append(OutboxMessage message) {
        return rows.append(OutboxTrace.keep(message));
    }

    /** How many records wait for the broker, and since when. */
    public Uni<OutboxBacklog> backlog() {
        return Panache.withSession(rows::backlog);
    }

    /**
     * One relay round: publishes unsent records through {@code producer} (a Kafka channel with a {@code byte[]}
     * value serializer; the record's topic overrides the channel's) in batches of {@code batchSize}, the next batch
     * at once while they come back full. Returns how many were acknowledged and marked sent; 0 when another replica
     * holds the relay lock. A record the broker did not acknowledge stays, with every later one, for the next round.
     */
    public Uni<Integer> relay(MutinyEmitter<byte[]> producer, int batchSize) {
        return relayBatch(producer, batchSize).chain(sent -> sent < batchSize
                ? Uni.createFrom().item(sent)
                : relay(producer, batchSize).map(more -> sent + more));
    }

    private Uni<Integer> relayBatch(MutinyEmitter<byte[]> producer, int batchSize) {
        return Panache.withTransaction(() -> rows.tryLockRelay().chain(locked -> locked
                ? rows.unsent(batchSize).chain(batch -> publish(batch, producer))
                : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publish(List<Unsent> batch, MutinyEmitter<byte[]> producer) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        Context session = Vertx.currentContext();
        return send(batch, producer)
                .ifNoItem().after(STUCK).fail()
                // acknowledgements arrive on a Kafka thread; the session belongs to this context
                .emitOn(on(session))
                .chain(acknowledged -> rows.markSent(acknowledged).replaceWith(acknowledged.size()));
    }

    /**
     * Hands the records to the producer in id order and waits until every one is settled; the ids of the longest
     * acknowledged prefix. The first record goes alone: with the broker away a round then costs one producer
     * timeout, not one per record. The rest go together — one idempotent producer keeps their order per partition.
     */
    private Uni<List<Long>> send(List<Unsent> batch, MutinyEmitter<byte[]> producer) {
        return settle(batch.get(0), producer).chain(first -> {
            if (first != null || batch.size() == 1) {
                return Uni.createFrom().item(acknowledgedPrefix(batch, Collections.singletonList(first)));
            }
            List<Uni<Throwable>> rest = batch.subList(1, batch.size()).stream()
                    .map(row -> settle(row, producer)).toList();
            return Uni.join().all(rest).andFailFast().map(outcomes -> {
                List<Throwable> all = new ArrayList<>(outcomes.size() + 1);
                all.add(null);
                all.addAll(outcomes);
                return acknowledgedPrefix(batch, all);
            });
        });
    }

    /** Null when the broker acknowledged the record, else why not. */
    private static Uni<Throwable> settle(Unsent row, MutinyEmitter<byte[]> producer) {
        return Uni.createFrom().deferred(() -> producer.sendMessage(record(row.message())))
                .map(acked -> (Throwable) null)
                .onFailure().recoverWithItem(failure -> failure);
    }

    /**
     * Stops at the first record not acknowledged: it and everything after it are sent again next round, so no
     * record of a key is marked sent while an earlier one of the same key may be missing.
     */
    private static List<Long> acknowledgedPrefix(List<Unsent> batch, List<Throwable> outcomes) {
        List<Long> ids = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            Throwable failure = outcomes.get(i);
            if (failure != null) {
                LOG.warnf("outbox: %d of %d records acknowledged, the rest wait for the next round: %s",
                        ids.size(), batch.size(), failure.toString());
                break;
            }
            ids.add(batch.get(i).id());
        }
        return ids;
    }

    private static Message<byte[]> record(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        message.headers().stream().filter(header -> !OutboxTrace.isTrace(header))
                .forEach(header -> headers.add(header.name(), header.value()));
        Message<byte[]> record = Message.of(message.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(message.topic()).withKey(message.key()).withHeaders(headers).build());
        // the connector's producer span (and the record's traceparent) continue the trace the change was made in
        return OutboxTrace.of(message).map(trace -> record.addMetadata(TracingMetadata.withCurrent(trace)))
                .orElse(record);
    }

    private static Executor on(Context context) {
        return command -> context.runOnContext(ignored -> command.run());
    }
}
