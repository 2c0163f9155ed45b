package io.borderflow.ingest;

import static io.borderflow.ingest.Api.register;
import static org.awaitility.Awaitility.await;

import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registration reaches shipments.v1 when it commits, not at the relay's next poll (here an hour away). */
@QuarkusTest
@TestProfile(OutboxWakeTest.HourlyPoll.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class OutboxWakeTest {

    @InjectKafka
    String bootstrap;

    @Test
    void aRegisteredShipmentIsPublishedWithoutWaitingForThePoll() {
        register(TestTokens.carrier("acme"), "SHP-WOKEN").statusCode(201);

        await().atMost(Duration.ofSeconds(20)).until(() -> TopicContents.read(bootstrap, Topics.SHIPMENTS).stream()
                .anyMatch(record -> "SHP-WOKEN".equals(record.key())));
    }

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderflow.ingest.outbox.poll-interval", "1h");
        }
    }
}
