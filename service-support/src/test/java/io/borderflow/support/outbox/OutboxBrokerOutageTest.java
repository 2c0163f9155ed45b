package io.borderflow.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.RestartableKafkaBroker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.junit.jupiter.api.Test;

/** The broker goes away and comes back: records appended meanwhile wait in the table, then go out, in order. */
@QuarkusTest
@TestProfile(OutboxTestProfile.class)
@WithTestResource(value = KafkaResource.class, initArgs = {
        @ResourceArg(name = "topics", value = OutboxTest.TOPIC + ":3"),
        @ResourceArg(name = "restartable", value = "true")})
@WithTestResource(PostgresResource.class)
class OutboxBrokerOutageTest {

    @Inject
    Outbox outbox;

    @Inject
    @Channel("relay-a")
    MutinyEmitter<byte[]> replica;

    @InjectKafka
    RestartableKafkaBroker broker;

    @InjectKafka
    String bootstrap;

    @Test
    void recordsAppendedWhileTheBrokerIsAwayArePublishedWhenItIsBackAndNoneIsLost() {
        append("k-outage", "k-outage:0");
        assertThat(OnVertx.await(() -> outbox.relay(replica, 10))).isEqualTo(1);

        broker.stopBroker();
        append("k-outage", "k-outage:1");
        append("k-other", "k-other:0");
        append("k-outage", "k-outage:2");

        assertThat(OnVertx.await(() -> outbox.relay(replica, 10))).as("nothing acknowledged, nothing marked sent").isZero();
        assertThat(OnVertx.await(outbox::backlog).rows()).isEqualTo(3);

        broker.startBroker();
        await().atMost(Duration.ofMinutes(2)).until(() -> {
            OnVertx.await(() -> outbox.relay(replica, 10));
            return OnVertx.await(outbox::backlog).rows() == 0;
        });

        // at least once: a record may appear twice, but every one is there and a key's first copies are in order
        assertThat(KeyRecords.values(bootstrap, OutboxTest.TOPIC, "k-outage").stream().distinct())
                .containsExactly("k-outage:0", "k-outage:1", "k-outage:2");
        assertThat(KeyRecords.values(bootstrap, OutboxTest.TOPIC, "k-other").stream().distinct())
                .containsExactly("k-other:0");
    }

    private void append(String key, String value) {
        OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(OutboxMessage.of(OutboxTest.TOPIC, key, value))));
    }

}
