package io.borderflow.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.junit.jupiter.api.Test;

/** The outbox against real PostgreSQL and a real broker: what is appended is what is published, once, in order. */
@QuarkusTest
@TestProfile(OutboxTestProfile.class)
@WithTestResource(value = KafkaResource.class, initArgs = @ResourceArg(name = "topics", value = OutboxTest.TOPIC + ":3"))
@WithTestResource(PostgresResource.class)
class OutboxTest {

    static final String TOPIC = "outbox-test.v1";

    @Inject
    Outbox outbox;

    @Inject
    @Channel("relay-a")
    MutinyEmitter<byte[]> replicaA;

    @Inject
    @Channel("relay-b")
    MutinyEmitter<byte[]> replicaB;

    @InjectKafka
    String bootstrap;

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void aRecordIsPublishedExactlyAsAppended() {
        byte[] value = {0, (byte) 0xff, 'x', (byte) 0xc3};
        OutboxMessage withHeaders = new OutboxMessage(TOPIC, "k-exact", value, List.of(
                new OutboxMessage.Header("event-type", "ShipmentRegistered".getBytes(StandardCharsets.UTF_8)),
                new OutboxMessage.Header("traceparent",
                        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8)),
                new OutboxMessage.Header("binary", new byte[] {1, 0, (byte) 0x80}),
                new OutboxMessage.Header("binary", new byte[] {2})));
        OutboxMessage plain = OutboxMessage.of(TOPIC, "k-plain", "{\"eventId\":\"e-1\"}");

        appendEach(withHeaders, plain);
        relayUntilNothingIsLeft(replicaA, 10);

        List<ConsumerRecord<String, byte[]>> published = KeyRecords.of(bootstrap, TOPIC, "k-exact");
        assertThat(published).hasSize(1);
        assertThat(published.get(0).value()).isEqualTo(value);
        assertThat(published.get(0).headers().toArray()).extracting(Header::key)
                .containsExactly("event-type", "traceparent", "binary", "binary");
        assertThat(published.get(0).headers().toArray()).extracting(Header::value).containsExactly(
                "ShipmentRegistered".getBytes(StandardCharsets.UTF_8),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8),
                new byte[] {1, 0, (byte) 0x80}, new byte[] {2});
        List<ConsumerRecord<String, byte[]>> plainPublished = KeyRecords.of(bootstrap, TOPIC, "k-plain");
        assertThat(plainPublished).hasSize(1);
        assertThat(new String(plainPublished.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"e-1\"}");
        assertThat(plainPublished.get(0).headers().toArray()).isEmpty();
        assertThat(database.count("select count(*) from outbox_test.outbox where message_key in ('k-exact', 'k-plain')"
                + " and sent_at is not null")).isEqualTo(2);
    }

    @Test
    void theOrderOfAKeyHoldsAcrossBatches() {
        List<String> keys = List.of("k-order-0", "k-order-1", "k-order-2");
        for (int seq = 0; seq < 40; seq++) {
            for (String key : keys) {
                appendEach(OutboxMessage.of(TOPIC, key, key + ":" + seq));
            }
        }

        relayUntilNothingIsLeft(replicaA, 7);

        for (String key : keys) {
            assertThat(KeyRecords.values(bootstrap, TOPIC, key)).containsExactlyElementsOf(sequence(key, 40));
        }
    }

    @Test
    void twoRelaysAtOncePublishEveryRecordOnceAndInOrder() {
        List<String> keys = IntStream.range(0, 8).mapToObj(i -> "k-twice-" + i).toList();
        int perKey = 50;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int seq = 0; seq < perKey; seq++) {
                    for (String key : keys) {
                        appendEach(OutboxMessage.of(TOPIC, key, key + ":" + seq));
                    }
                }
                writing.set(false);
            }, threads);
            CompletableFuture<Void> relayA = CompletableFuture.runAsync(() -> relayWhile(writing, replicaA), threads);
            CompletableFuture<Void> relayB = CompletableFuture.runAsync(() -> relayWhile(writing, replicaB), threads);

            CompletableFuture.allOf(writer, relayA, relayB).join();
        } finally {
            threads.shutdownNow();
        }
        relayUntilNothingIsLeft(replicaA, 10);

        for (String key : keys) {
            assertThat(KeyRecords.values(bootstrap, TOPIC, key)).as(key)
                    .containsExactlyElementsOf(sequence(key, perKey));
        }
    }

    @Test
    void aChangeThatRollsBackLeavesNoRecord() {
        assertThatThrownBy(() -> OnVertx.await(() -> Panache.withTransaction(
                () -> parcel("p-rolled-back").chain(() -> outbox.append(OutboxMessage.of(TOPIC, "k-rolled-back", "v")))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("the change fails"))))))
                .hasMessageContaining("the change fails");
        OnVertx.await(() -> Panache.withTransaction(
                () -> parcel("p-committed").chain(() -> outbox.append(OutboxMessage.of(TOPIC, "k-committed", "v")))));

        assertThat(database.count("select count(*) from outbox_test.parcel where id = 'p-rolled-back'")).isZero();
        assertThat(database.count("select count(*) from outbox_test.outbox where message_key = 'k-rolled-back'")).isZero();
        assertThat(database.count("select count(*) from outbox_test.parcel where id = 'p-committed'")).isEqualTo(1);
        relayUntilNothingIsLeft(replicaA, 10);
        assertThat(KeyRecords.values(bootstrap, TOPIC, "k-committed")).containsExactly("v");
        assertThat(KeyRecords.of(bootstrap, TOPIC, "k-rolled-back")).isEmpty();
    }

    @Test
    void theBacklogCountsWhatWaitsForTheBroker() {
        relayUntilNothingIsLeft(replicaA, 10);
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        appendEach(OutboxMessage.of(TOPIC, "k-backlog", "1"), OutboxMessage.of(TOPIC, "k-backlog", "2"));

        OutboxBacklog waiting = OnVertx.await(outbox::backlog);
        assertThat(waiting.rows()).isEqualTo(2);
        assertThat(waiting.oldest()).as("the first append's time").isBetween(before, java.time.Instant.now().plusSeconds(1));
        assertThat(waiting.oldestAgeSeconds(waiting.oldest().plusSeconds(90))).isEqualTo(90.0);
        assertThat(OnVertx.await(() -> outbox.relay(replicaA, 10))).isEqualTo(2);
        assertThat(OnVertx.await(outbox::backlog)).isEqualTo(OutboxBacklog.EMPTY);
        assertThat(OutboxBacklog.EMPTY.oldestAgeSeconds(java.time.Instant.now())).isZero();
    }

    private Uni<Void> parcel(String id) {
        ParcelEntity parcel = new ParcelEntity();
        parcel.id = id;
        parcel.revision = 1;
        return Panache.getSession().chain(session -> session.persist(parcel));
    }

    /** Each record in a transaction of its own, as separate changes are. */
    private void appendEach(OutboxMessage... messages) {
        for (OutboxMessage message : messages) {
            OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(message)));
        }
    }

    private void relayWhile(AtomicBoolean writing, MutinyEmitter<byte[]> replica) {
        while (writing.get()) {
            relayRound(replica, 10);
        }
    }

    private void relayUntilNothingIsLeft(MutinyEmitter<byte[]> replica, int batchSize) {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            relayRound(replica, batchSize);
            return OnVertx.await(outbox::backlog).rows() == 0;
        });
    }

    private int relayRound(MutinyEmitter<byte[]> replica, int batchSize) {
        return OnVertx.await(() -> outbox.relay(replica, batchSize));
    }

    private static List<String> sequence(String key, int count) {
        List<String> values = new ArrayList<>();
        for (int seq = 0; seq < count; seq++) {
            values.add(key + ":" + seq);
        }
        return values;
    }
}
