package io.borderflow.alerts.restart;

import static io.borderflow.alerts.support.Api.alert;
import static io.borderflow.alerts.support.Api.alertsAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.TestClock;
import io.borderflow.testsupport.KafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Second half of the restart test: a new application on the same database keeps the pending clock. The
 * alert fires at its original deadline (activeAt + 10 min, 5 minutes from the first start), without any
 * new input, and not 10 minutes after the restart.
 */
@QuarkusTest
@TestProfile(RestartDuringPendingAfterTest.SecondStart.class)
@Order(2)
@WithTestResource(KafkaResource.class)
@WithTestResource(RestartDatabaseResource.class)
class RestartDuringPendingAfterTest {

    /** A test profile of its own makes Quarkus stop the first application and start a new one. */
    public static class SecondStart implements QuarkusTestProfile {
    }

    @Inject
    TestClock clock;

    @Test
    void thePendingAlertFiresAtItsOriginalDeadlineAfterARestart() {
        String firstApplication = System.getProperty(RestartDuringPendingBeforeTest.FIRST_APPLICATION);
        assertThat(firstApplication).as("the first half ran").isNotNull();
        assertThat(String.valueOf(System.identityHashCode(clock))).as("a new application").isNotEqualTo(firstApplication);
        Instant restartedAt = clock.instant();
        String fingerprint = (String) alertsAt(RestartDuringPendingBeforeTest.CROSSING).get(0).get("fingerprint");
        Instant activeAt = Instant.parse(alert(fingerprint).getString("activeAt"));
        Instant deadline = activeAt.plus(Duration.ofMinutes(10));
        assertThat(deadline).as("the restart came before the deadline").isAfter(restartedAt);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
                .until(() -> "PENDING".equals(alert(fingerprint).getString("state")));

        clock.advance(Duration.between(clock.instant(), deadline).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "FIRING".equals(alert(fingerprint).getString("state")));

        Instant startsAt = Instant.parse(alert(fingerprint).getString("startsAt"));
        assertThat(startsAt).isAfterOrEqualTo(deadline)
                .isBefore(deadline.plus(Duration.ofSeconds(30)))
                .isBefore(restartedAt.plus(Duration.ofMinutes(10)));
        assertThat(alert(fingerprint).getString("activeAt")).isEqualTo(activeAt.toString());
    }
}
