package io.borderflow.alerts.notification;

import static io.borderflow.alerts.support.Api.averageDelayRule;
import static io.borderflow.alerts.support.Api.produce;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.ReceiversResource;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A transition's page and its alerts.v1 record leave when the transition commits, not at the next poll: with both
 * polls an hour apart, they still arrive within seconds.
 */
@QuarkusTest
@TestProfile(WakeOnCommitTest.HourlyPolls.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(ReceiversResource.class)
class WakeOnCommitTest {

    private static final String CROSSING = "pharr-reynosa";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @Inject
    TestClock clock;

    @Test
    void aFiringAlertIsAnnouncedAndPagedWithoutWaitingForAPoll() {
        averageDelayRule("woken-average-delay", CROSSING, 60, 0, 0);
        ConsumerTask<String, String> alerts = kafka.consumeStrings().fromTopics(Topics.ALERTS);

        produce(kafka, Topics.CROSSING_DELAYS, CROSSING + "/NORTHBOUND/FAST",
                Events.averageDelay(CROSSING, 75, clock.instant()));

        await().atMost(Duration.ofSeconds(20)).until(() -> alerts.getRecords().stream()
                .anyMatch(record -> record.value().contains(CROSSING) && record.value().contains("\"FIRING\"")));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !receivers.requests(Receivers.WEBHOOK_PATH, CROSSING).isEmpty());
    }

    public static class HourlyPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderflow.alerts.outbox.poll-interval", "1h",
                    "borderflow.alerts.delivery.poll-interval", "1h");
        }
    }
}
