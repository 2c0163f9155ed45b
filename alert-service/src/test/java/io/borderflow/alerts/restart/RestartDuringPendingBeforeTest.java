package io.borderflow.alerts.restart;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * First half of the restart test: a crossing's live wait has been over 90 minutes since 5 minutes ago,
 * so the default rule (for 10 min) is pending with 5 minutes to go when the application stops.
 * {@link RestartDuringPendingAfterTest} starts the application again on the same database.
 */
@QuarkusTest
@Order(1)
@WithTestResource(KafkaResource.class)
@WithTestResource(RestartDatabaseResource.class)
class RestartDuringPendingBeforeTest {

    static final String CROSSING = "otay-mesa";

    /**
     * Identifies the first application's clock bean; JVM-wide, because each application loads the test
     * classes anew. The second half checks that it runs in a new application.
     */
    static final String FIRST_APPLICATION = "borderflow.test.restart.first-application";

    @InjectKafka
    KafkaCompanion kafka;

    @Inject
    TestClock clock;

    @Test
    void anAlertIsPendingWhenTheApplicationStops() {
        System.setProperty(FIRST_APPLICATION, String.valueOf(System.identityHashCode(clock)));
        Instant fiveMinutesAgo = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS);
        produce(kafka, Topics.CROSSING_DELAYS, CROSSING + "/NORTHBOUND/FAST",
                Events.liveWait(CROSSING, 120, fiveMinutesAgo));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsAt(CROSSING).stream()
                .anyMatch(a -> "live-wait-warning".equals(a.get("ruleId")) && "PENDING".equals(a.get("state"))));
        Map<String, Object> pending = alertsAt(CROSSING).get(0);
        assertThat(Instant.parse((String) pending.get("activeAt"))).isEqualTo(fiveMinutesAgo);
    }
}
