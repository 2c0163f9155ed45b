package io.borderflow.ingest.messaging;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.DeadLetterHeaders;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.CheckpointRecordedDeserializer;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.events.serde.ShipmentDelayUpdatedDeserializer;
import io.borderflow.ingest.repository.CheckpointRepository;
import io.borderflow.ingest.repository.ShipmentDelayRepository;
import io.borderflow.support.messaging.Stopping;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Feeds the carriers' read model (timeline and delay status) from checkpoints.v1 and shipment-delays.v1, a poll's
 * records at a time in one transaction (one commit per record was most of ingest's CPU under load). Both writes are
 * idempotent by eventId, so redelivery after a crash is harmless. A record that cannot be read goes to
 * {@code <topic>.dlq} with the reason in its headers, and the rest of its batch is stored; a database error is
 * retried with backoff, then the batch goes to the dead-letter topic by the channel's failure strategy — unless
 * ingest is stopping: then the batch is left for the next instance ({@link Stopping}).
 */
@ApplicationScoped
public class ReadModelConsumer {

    private static final int DATABASE_ATTEMPTS = 8;

    private final JsonSerde<CheckpointRecorded> checkpointJson = new CheckpointRecordedDeserializer();
    private final JsonSerde<ShipmentDelayUpdated> delayJson = new ShipmentDelayUpdatedDeserializer();
    private final CheckpointRepository checkpoints;
    private final ShipmentDelayRepository delays;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Stopping stopping;

    public ReadModelConsumer(CheckpointRepository checkpoints, ShipmentDelayRepository delays,
            @Channel("read-model-dead-letters") MutinyEmitter<byte[]> deadLetters, Stopping stopping) {
        this.checkpoints = checkpoints;
        this.delays = delays;
        this.deadLetters = deadLetters;
        this.stopping = stopping;
    }

    @Incoming("checkpoints-in")
    public Uni<Void> onCheckpoints(ConsumerRecords<String, byte[]> records) {
        return readable(records, value -> checkpointJson.deserialize(Topics.CHECKPOINTS, value))
                .chain(events -> store(events, checkpoints::record));
    }

    @Incoming("shipment-delays-in")
    public Uni<Void> onShipmentDelays(ConsumerRecords<String, byte[]> records) {
        return readable(records, value -> delayJson.deserialize(Topics.SHIPMENT_DELAYS, value))
                .chain(events -> store(events, delays::record));
    }

    /** The batch's events in order; tombstones skipped, unreadable records dead-lettered (acknowledged first). */
    private <T> Uni<List<T>> readable(ConsumerRecords<String, byte[]> records, Function<byte[], T> read) {
        List<T> events = new ArrayList<>(records.count());
        List<Uni<Void>> setAside = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                events.add(read.apply(record.value()));
            } catch (RuntimeException unreadable) {
                setAside.add(deadLetter(record, unreadable));
            }
        }
        return setAside.isEmpty() ? Uni.createFrom().item(events)
                : Uni.join().all(setAside).andFailFast().replaceWith(events);
    }

    private Uni<Void> deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException unreadable) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        DeadLetterHeaders.addReason(headers, unreadable.getMessage(),
                unreadable.getCause() == null ? null : unreadable.getCause().getMessage());
        DeadLetterHeaders.addOrigin(headers, record.topic(), record.partition(), record.offset());
        return deadLetters.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata
                .<String>builder().withTopic(Topics.deadLetter(record.topic())).withKey(record.key())
                .withHeaders(headers).build()));
    }

    /** Every event in order, in one transaction; the whole batch again on a database error. */
    private <T> Uni<Void> store(List<T> events, Function<T, Uni<Integer>> write) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context consumer = Vertx.currentContext();
        return stopping.leavePendingOnFailure(Uni.createFrom().deferred(() -> Panache.withTransaction(() -> writeAll(events, write))))
                // a retry is resubscribed from a timer thread: run every attempt on the consumer's context
                .runSubscriptionOn(command -> consumer.runOnContext(ignored -> command.run()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(DATABASE_ATTEMPTS);
    }

    /** One statement after the other: a reactive session never runs two at once. */
    private static <T> Uni<Void> writeAll(List<T> events, Function<T, Uni<Integer>> write) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T event : events) {
            chain = chain.chain(() -> write.apply(event)).replaceWithVoid();
        }
        return chain;
    }
}
