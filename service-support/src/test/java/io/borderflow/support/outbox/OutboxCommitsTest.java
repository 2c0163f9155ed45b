package io.borderflow.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.testsupport.PostgresResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A relay learns of an append when it commits — not before, and not at all when it rolls back. */
@QuarkusTest
@TestProfile(OutboxTestProfile.class)
@WithTestResource(PostgresResource.class)
class OutboxCommitsTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxCommits commits;

    @Test
    void listenersHearOfCommittedAppendsOnly() throws Exception {
        List<String> heard = new CopyOnWriteArrayList<>();
        commits.onCommit(() -> heard.add("commit"));
        // the LISTEN connection is opened by the first listener: commit until one is heard, so it is open
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(OutboxMessage.of(OutboxTest.TOPIC,
                    "k-listening", "0"))));
            return !heard.isEmpty();
        });
        Thread.sleep(300); // the warm-up's notifications still on their way
        heard.clear();

        try {
            OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(OutboxMessage.of(OutboxTest.TOPIC,
                    "k-rolled-back", "x")).chain(() -> Uni.createFrom().failure(new IllegalStateException("rollback")))));
        } catch (IllegalStateException expected) {
            // rolled back
        }
        OnVertx.await(() -> Panache.withTransaction(() -> outbox.append(OutboxMessage.of(OutboxTest.TOPIC, "k-heard", "1"))
                .chain(() -> outbox.append(OutboxMessage.of(OutboxTest.TOPIC, "k-heard", "2")))));

        await().atMost(Duration.ofSeconds(10)).until(() -> !heard.isEmpty());
        Thread.sleep(300); // a second notification, were there one, would arrive within this
        assertThat(heard).as("one notification for the committed transaction of two appends, none for the rolled back")
                .hasSize(1);
    }
}
