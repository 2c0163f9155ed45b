package io.borderflow.alerts.notification;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.averageDelayRule;
import static io.borderflow.alerts.support.Api.metric;
import static io.borderflow.alerts.support.Api.produce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.ReceiversResource;
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
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notification outbox against a real receiver that fails: retries, backoff, dead notifications, metrics. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(ReceiversResource.class)
class NotificationDeliveryTest {

    private static final Duration QUIET = Duration.ofSeconds(4);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @InjectPostgres
    PostgresDatabase database;

    @Inject
    TestClock clock;

    private String fire(String crossing, String ruleId) {
        averageDelayRule(ruleId, crossing, 60, 0, 0);
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.averageDelay(crossing, 75, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).stream()
                .anyMatch(a -> ruleId.equals(a.get("ruleId")) && "FIRING".equals(a.get("state"))));
        return (String) alertsAt(crossing).get(0).get("fingerprint");
    }

    /** Only the webhook's body has a generatorURL: PagerDuty and email are not affected by the script. */
    private static String webhookOf(String crossing) {
        return "\"generatorURL\":\"http://localhost:8082/#/crossings/" + crossing + "\"";
    }

    private String webhookStatus(String fingerprint) {
        return status(fingerprint, "webhook");
    }

    private String status(String fingerprint, String channel) {
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "select status || ':' || attempts from alerts.notification where fingerprint = ? and channel = ?")) {
            statement.setString(1, fingerprint);
            statement.setString(2, channel);
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aReceiverAnswering503And429IsRetriedUntilItRecoversAndGetsTheNotificationExactlyOnce() {
        String crossing = "roma";
        receivers.script(webhookOf(crossing), 503, 429, 503);

        String fingerprint = fire(crossing, "retry-average-delay");

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT:4".equals(webhookStatus(fingerprint)));
        await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> receivers.requests(Receivers.WEBHOOK_PATH, fingerprint).size() == 4);
        List<Receivers.Received> attempts = receivers.requests(Receivers.WEBHOOK_PATH, fingerprint);
        assertThat(attempts).extracting(Receivers.Received::status).containsExactly(503, 429, 503, 200);
        assertThat(attempts).extracting(r -> r.header("Idempotency-Key")).containsOnly(fingerprint + "-firing-1");
        assertThat(attempts).extracting(Receivers.Received::body).as("the same payload every time")
                .containsOnly(attempts.get(0).body());
        assertThat(status(fingerprint, "pagerduty")).as("other channels are independent").isEqualTo("SENT:1");
    }

    @Test
    void aReceiverAnswering400IsNotRetriedAndTheNotificationIsDeadAndCounted() {
        String crossing = "rio-grande-city";
        receivers.script(webhookOf(crossing), 400);
        double deadBefore = metric("borderflow_notifications_total", "channel=\"webhook\"", "outcome=\"dead\"");

        String fingerprint = fire(crossing, "reject-average-delay");

        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD:1".equals(webhookStatus(fingerprint)));
        await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> receivers.requests(Receivers.WEBHOOK_PATH, fingerprint).size() == 1);
        assertThat(metric("borderflow_notifications_total", "channel=\"webhook\"", "outcome=\"dead\""))
                .isEqualTo(deadBefore + 1);
        assertThat(database.count("select count(*) from alerts.notification where fingerprint = '" + fingerprint
                + "' and last_status_code = 400")).isEqualTo(1);
    }

    @Test
    void aReceiverThatNeverRecoversGetsMaxAttemptsThenTheNotificationIsDead() {
        String crossing = "presidio-ojinaga";
        receivers.script(webhookOf(crossing), 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503, 503);

        String fingerprint = fire(crossing, "exhausted-average-delay");

        await().atMost(Duration.ofSeconds(60)).until(() -> "DEAD:10".equals(webhookStatus(fingerprint)));
        await().during(QUIET).atMost(QUIET.plusSeconds(5))
                .until(() -> receivers.requests(Receivers.WEBHOOK_PATH, fingerprint).size() == 10);
        assertThat(receivers.requests(Receivers.WEBHOOK_PATH, fingerprint)).extracting(Receivers.Received::status)
                .containsOnly(503);
    }

    @Test
    void metricsCountAlertsByStateAndSeverityAndDeliveries() {
        String fingerprint = fire("progreso", "metrics-average-delay");
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT:1".equals(webhookStatus(fingerprint)));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                metric("borderflow_alerts", "severity=\"critical\"", "state=\"firing\"") >= 1);
        assertThat(metric("borderflow_notifications_total", "channel=\"email\"", "outcome=\"sent\"")).isPositive();
        assertThat(metric("borderflow_notification_delivery_seconds_count", "channel=\"webhook\"")).isPositive();
    }
}
