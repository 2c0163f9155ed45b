package io.borderflow.alerts.service;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.averageDelayRule;
import static io.borderflow.alerts.support.Api.metric;
import static io.borderflow.alerts.support.Api.produce;
import static io.borderflow.alerts.support.Api.sample;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.ReceiversResource;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What alert-service tells on-call about itself, read from its own {@code /q/metrics} while real parts (Kafka,
 * PostgreSQL, the delivery worker, an SSE client) do the work: the event lag of an alert, the notification
 * outbox's backlog, and the clients of the alerts stream.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(ReceiversResource.class)
class AlertMetricsTest {

    private static final String LAG = "borderflow_alert_event_lag_seconds";
    private static final String CROSSING = "subject=\"crossing\"";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectPostgres
    PostgresDatabase database;

    @Inject
    TestClock clock;

    @TestHTTPResource("/api/v1/alerts/stream")
    URI stream;

    @Test
    void anAlertFiredByAnUpdateCountsItsLagBehindTheUpdatesNewestCheckpoint() {
        String crossing = "columbus";
        averageDelayRule("lag-average-delay", crossing, 60, 0, 0);
        double count = metric(LAG + "_count", CROSSING);
        double sum = metric(LAG + "_sum", CROSSING);
        double within30s = sample(LAG + "_bucket", CROSSING, "le=\"30.0\"").orElseThrow();
        CrossingDelayUpdated update = Events.averageDelay(crossing, 75, clock.instant());
        Duration behind = Duration.between(update.lastCheckpointAt(), update.occurredAt());
        assertThat(behind).as("the test's update reports a checkpoint a minute old").isEqualTo(Duration.ofMinutes(1));

        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST", update);

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).stream()
                .anyMatch(alert -> "FIRING".equals(alert.get("state"))));
        await().atMost(Duration.ofSeconds(10)).until(() -> metric(LAG + "_count", CROSSING) > count);
        assertThat(metric(LAG + "_count", CROSSING)).as("one state change: inactive → firing").isEqualTo(count + 1);
        assertThat(metric(LAG + "_sum", CROSSING) - sum).as("measured from lastCheckpointAt, not from occurredAt")
                .isGreaterThanOrEqualTo(behind.toSeconds());
        assertThat(metric(LAG + "_bucket", CROSSING, "le=\"30.0\"")).isEqualTo(within30s);
    }

    @Test
    void aNotificationWaitingInTheOutboxIsItsBacklogAndItsAgeUntilItLeaves() throws SQLException {
        Instant planned = clock.instant().minus(Duration.ofMinutes(10));
        long id = pendingNotification(planned, clock.instant().plus(Duration.ofDays(1)));

        await().atMost(Duration.ofSeconds(20)).until(() -> metric("borderflow_notification_outbox_backlog") >= 1
                && metric("borderflow_notification_outbox_oldest_age_seconds") >= 600);

        try (var connection = database.connect(); var delete = connection.createStatement()) {
            delete.executeUpdate("delete from alerts.notification where id = " + id);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> metric("borderflow_notification_outbox_oldest_age_seconds") < 600);
    }

    @Test
    void theAlertsStreamCountsItsClients() {
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("registered before any client").contains("borderflow_sse_clients{stream=\"alerts\"}");
        double before = metric("borderflow_sse_clients", "stream=\"alerts\"");
        CompletableFuture<HttpResponse<Void>> client = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + TestTokens.operator()).header("Accept", "text/event-stream")
                .build(), HttpResponse.BodyHandlers.discarding());
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> metric("borderflow_sse_clients", "stream=\"alerts\"") >= before + 1);
        } finally {
            client.cancel(true);
        }
    }

    /** A notification that waits for a retry a day away, as one whose receiver keeps failing does. */
    private long pendingNotification(Instant createdAt, Instant nextAttemptAt) throws SQLException {
        try (var connection = database.connect(); var insert = connection.prepareStatement("""
                insert into alerts.notification (fingerprint, channel, kind, sequence, idempotency_key, payload, status,
                        attempts, next_attempt_at, created_at)
                values ('backlog-probe', 'webhook', 'FIRING', 1, ?, '{}', 'PENDING', 1, ?, ?) returning id""")) {
            insert.setString(1, "backlog-probe-" + UUID.randomUUID());
            insert.setObject(2, nextAttemptAt.atOffset(ZoneOffset.UTC));
            insert.setObject(3, createdAt.atOffset(ZoneOffset.UTC));
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
