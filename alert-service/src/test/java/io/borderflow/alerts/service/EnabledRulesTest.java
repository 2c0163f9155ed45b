package io.borderflow.alerts.service;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.averageDelayRule;
import static io.borderflow.alerts.support.Api.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rules an instance keeps in memory follow a change made elsewhere — by another instance or by hand in the
 * database — without a restart: the change's notification makes it read them again.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class EnabledRulesTest {

    private static final String CROSSING = "nogales-mariposa";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectPostgres
    PostgresDatabase database;

    @Inject
    TestClock clock;

    @Test
    void aRuleChangedByAnotherInstanceAppliesToTheNextUpdate() throws Exception {
        averageDelayRule("changed-elsewhere", CROSSING, 100, 0, 0);
        produce(kafka, Topics.CROSSING_DELAYS, CROSSING + "/NORTHBOUND/FAST", Events.averageDelay(CROSSING, 75,
                clock.instant()));
        // the update was evaluated (its series' instance is remembered only once a condition held: wait on time)
        Thread.sleep(2000);
        assertThat(alertsAt(CROSSING)).as("75 is not over 100").isEmpty();

        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("update alerts.rule set threshold = 60 where id = 'changed-elsewhere'");
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            produce(kafka, Topics.CROSSING_DELAYS, CROSSING + "/NORTHBOUND/FAST",
                    Events.averageDelay(CROSSING, 75, clock.instant()));
            return alertsAt(CROSSING).stream().anyMatch(alert -> "FIRING".equals(alert.get("state")));
        });
    }
}
