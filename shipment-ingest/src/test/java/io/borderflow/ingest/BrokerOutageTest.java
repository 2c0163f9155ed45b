package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.batchItem;
import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.postCheckpoint;
import static io.borderflow.ingest.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.ShipmentRegistered;
import io.borderflow.events.ShipmentUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.ShipmentEventDeserializer;
import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.health.KafkaBrokerHealthCheck;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.RestartableKafkaBroker;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The broker goes away and comes back on the same address, while the application keeps running: nothing is
 * reported accepted that the broker did not acknowledge, nothing hangs, readiness tells, and shipment changes
 * stored meanwhile are published once it is back.
 */
@QuarkusTest
@WithTestResource(value = KafkaResource.class, initArgs = {
        @ResourceArg(name = "restartable", value = "true")})
@WithTestResource(PostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerOutageTest {

    private static final String ACME = TestTokens.carrier("acme");
    /** Room for a slow machine beyond borderflow.ingest.broker-ack-timeout: a 503 must come, and by then. */
    private static final Duration SLOW_MACHINE = Duration.ofSeconds(5);
    /** Room for one HTTP round trip beyond the deadline KafkaBrokerHealthCheck keeps for a probe. */
    private static final Duration PROBE_MARGIN = Duration.ofSeconds(2);
    private static final UUID REFUSED_EVENT = UUID.randomUUID();

    @InjectKafka
    RestartableKafkaBroker broker;

    @InjectKafka
    String bootstrap;

    @InjectPostgres
    PostgresDatabase database;

    @Inject
    IngestConfig config;

    @Test
    @Order(1)
    void whileTheBrokerIsDownCheckpointsAnswer503WithRetryAfterInBoundedTimeAndReadinessGoesDown() {
        register(ACME, "SHP-OUTAGE").statusCode(201);
        postCheckpoint(ACME, "SHP-OUTAGE", checkpoint(UUID.randomUUID(), "QUEUE_ENTERED", 30)).statusCode(202);
        await().until(() -> database.count("select count(*) from ingest.outbox where sent_at is null") == 0);

        broker.stopBroker();

        long start = System.nanoTime();
        Response single = as(ACME).body(checkpoint(REFUSED_EVENT, "PRIMARY_INSPECTION", 5))
                .post("/api/v1/shipments/SHP-OUTAGE/checkpoints");
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
        String retryAfter = String.valueOf(config.retryAfter().toSeconds());
        single.then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", retryAfter)
                .body("type", is("https://borderflow.io/problems/broker-unavailable"));
        assertThat(answeredIn).isLessThan(config.brokerAckTimeout().plus(SLOW_MACHINE));

        as(ACME).body(Map.of("events", List.of(batchItem("SHP-OUTAGE", UUID.randomUUID(), "PORT_EXITED", 1))))
                .post("/api/v1/checkpoints/batch").then().statusCode(503).header("Retry-After", retryAfter);

        // the broker has been gone for seconds: readiness must say so within what KafkaBrokerHealthCheck promises
        // for one probe (its DEADLINE) plus PROBE_MARGIN, not after the minute Quarkus' own check used to hang
        await().atMost(KafkaBrokerHealthCheck.DEADLINE.plus(PROBE_MARGIN)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN")));
    }

    @Test
    @Order(2)
    void shipmentChangesAreStoredWhileTheBrokerIsDown() {
        register(ACME, "SHP-STORED-DOWN").statusCode(201);
        as(ACME).body(Map.of("laneType", "STANDARD")).patch("/api/v1/shipments/SHP-STORED-DOWN").then()
                .statusCode(200).body("revision", is(2));

        assertThat(database.count("select count(*) from ingest.outbox where sent_at is null"
                + " and message_key = 'SHP-STORED-DOWN'")).isEqualTo(2);
        await().untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("borderflow_ingest_outbox_backlog 2.0"),
                        org.hamcrest.Matchers.matchesPattern("(?s).*\nborderflow_ingest_outbox_oldest_age_seconds (0\\.0*[1-9]|[1-9])[0-9.E-]*\n.*")));
    }

    @Test
    @Order(3)
    void whenTheBrokerIsBackReadinessIsUpAndCheckpointsAreAcceptedAgain() {
        broker.startBroker();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200).body("status", is("UP")));
        // the client retries the refused report as it was: accepted now (or DUPLICATE had it arrived late)
        Map<String, Object> retry = new LinkedHashMap<>(checkpoint(REFUSED_EVENT, "PRIMARY_INSPECTION", 5));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> postCheckpoint(ACME, "SHP-OUTAGE", retry)
                .statusCode(202).body("status", anyOf(is("ACCEPTED"), is("DUPLICATE"))));
        postCheckpoint(ACME, "SHP-OUTAGE", checkpoint(UUID.randomUUID(), "PORT_EXITED", 1)).statusCode(202)
                .body("status", is("ACCEPTED"));
        assertThat(TopicContents.read(bootstrap, Topics.CHECKPOINTS).stream()
                .filter(r -> TopicContents.value(r).contains(REFUSED_EVENT.toString()))).isNotEmpty();
    }

    @Test
    @Order(4)
    void shipmentChangesStoredWhileTheBrokerWasDownArePublishedOncePerChangeInOrder() {
        await().atMost(Duration.ofSeconds(60)).until(() -> database.count(
                "select count(*) from ingest.outbox where sent_at is null") == 0);

        // a consumer that deduplicates by eventId, as every consumer of an at-least-once topic does
        Map<UUID, ShipmentEvent> byEventId = new LinkedHashMap<>();
        TopicContents.read(bootstrap, Topics.SHIPMENTS).stream()
                .filter(r -> "SHP-STORED-DOWN".equals(r.key()))
                .map(r -> new ShipmentEventDeserializer().deserialize(Topics.SHIPMENTS, r.value()))
                .forEach(event -> byEventId.putIfAbsent(event.eventId(), event));
        List<ShipmentEvent> changes = List.copyOf(byEventId.values());

        assertThat(changes).hasSize(2);
        assertThat(changes.get(0)).isInstanceOf(ShipmentRegistered.class);
        assertThat(changes.get(1)).isInstanceOf(ShipmentUpdated.class);
        assertThat(changes).extracting(ShipmentEvent::revision).containsExactly(1L, 2L);
        await().untilAsserted(() -> given().get("/q/metrics").then()
                .body(org.hamcrest.Matchers.containsString("borderflow_ingest_outbox_backlog 0.0"),
                        org.hamcrest.Matchers.containsString("borderflow_ingest_outbox_oldest_age_seconds 0.0")));
    }
}
