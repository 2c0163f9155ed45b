package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.postCheckpoint;
import static io.borderflow.ingest.Api.register;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input answers an RFC 9457 problem with a stable type, and leaves no trace: nothing on the
 * topics, nothing in the tables.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class BadInputCorpusTest {

    private static final String ACME = TestTokens.carrier("acme");
    private static final String GLOBEX = TestTokens.carrier("globex");
    private static final String SHIPMENTS = "/api/v1/shipments";
    private static final String OWN = "/api/v1/shipments/SHP-CORPUS";
    private static final String OWN_CHECKPOINTS = OWN + "/checkpoints";
    private static final String BATCH = "/api/v1/checkpoints/batch";
    /** Accepted once in the setup; reused with other content it must conflict. */
    private static final UUID ACCEPTED_EVENT = UUID.fromString("8d3c2c8e-5c1f-4a51-9f57-3f1d2a9b7e40");
    private static final String PROBLEMS = "https://borderflow.io/problems/";

    @InjectKafka
    String bootstrap;

    @InjectPostgres
    PostgresDatabase database;

    record Case(String name, String method, String path, String token, String contentType, String body, int status,
            String type) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void shipmentsAndOneAcceptedEvent() {
        // idempotent: the first run creates them, later runs change nothing
        register(ACME, "SHP-CORPUS").statusCode(anyOf(is(200), is(201)));
        register(GLOBEX, "SHP-CORPUS-GLOBEX").statusCode(anyOf(is(200), is(201)));
        var accepted = checkpoint(ACCEPTED_EVENT, "QUEUE_ENTERED", 0);
        accepted.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.DAYS).toString());
        postCheckpoint(ACME, "SHP-CORPUS", accepted).statusCode(202);
        await().until(() -> database.count("select count(*) from ingest.outbox where sent_at is null") == 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badInputIsRefusedWithAProblemAndLeavesNoTrace(Case bad) {
        long checkpoints = TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS);
        long shipmentEvents = TopicContents.endOffsets(bootstrap, Topics.SHIPMENTS);
        long rows = rows();

        RequestSpecification request = given().contentType(bad.contentType());
        if (bad.token() != null) {
            request.auth().oauth2(bad.token());
        }
        if (bad.body() != null) {
            request.body(bad.body());
        }
        request.request(bad.method(), bad.path()).then()
                .statusCode(bad.status())
                .contentType("application/problem+json")
                .body("type", is(PROBLEMS + bad.type()))
                .body("title", notNullValue())
                .body("status", is(bad.status()));

        assertThat(TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS)).as("records on checkpoints.v1")
                .isEqualTo(checkpoints);
        assertThat(rows()).as("rows in ingest tables").isEqualTo(rows);
        await().during(java.time.Duration.ofMillis(300)).atMost(java.time.Duration.ofSeconds(2)).until(
                () -> TopicContents.endOffsets(bootstrap, Topics.SHIPMENTS) == shipmentEvents);
    }

    /**
     * The tables a request writes. The read model tables are written only from the topics, whose offsets are
     * compared; other test classes sharing this application may still be feeding them.
     */
    private long rows() {
        return database.count("select (select count(*) from ingest.shipment) + (select count(*) from ingest.outbox)");
    }

    static Stream<Case> corpus() {
        String json = "application/json";
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String event = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"QUEUE_ENTERED\",\"occurredAt\":\"" + now
                + "\",\"source\":\"RFID\"}";
        String shipment = "{\"shipmentId\":\"SHP-BAD\",\"crossingId\":\"laredo-world-trade-bridge\","
                + "\"direction\":\"NORTHBOUND\",\"laneType\":\"FAST\",\"plannedArrival\":\"2026-11-27T18:00:00Z\"}";
        String padding = "x".repeat(1024 * 1024 + 16);
        List<Case> cases = new ArrayList<>();

        // registering a shipment
        cases.add(new Case("register: malformed JSON", "POST", SHIPMENTS, ACME, json, "{\"shipmentId\":", 400, "malformed-json"));
        cases.add(new Case("register: not JSON", "POST", SHIPMENTS, ACME, json, "shipment SHP-1 please", 400, "malformed-json"));
        cases.add(new Case("register: no body", "POST", SHIPMENTS, ACME, json, null, 400, "validation"));
        cases.add(new Case("register: a JSON array", "POST", SHIPMENTS, ACME, json, "[" + shipment + "]", 400, "invalid-field"));
        cases.add(new Case("register: missing shipmentId", "POST", SHIPMENTS, ACME, json,
                shipment.replace("\"shipmentId\":\"SHP-BAD\",", ""), 400, "validation"));
        cases.add(new Case("register: missing crossingId", "POST", SHIPMENTS, ACME, json,
                shipment.replace("\"crossingId\":\"laredo-world-trade-bridge\",", ""), 400, "validation"));
        cases.add(new Case("register: missing plannedArrival", "POST", SHIPMENTS, ACME, json,
                shipment.replace(",\"plannedArrival\":\"2026-11-27T18:00:00Z\"", ""), 400, "validation"));
        cases.add(new Case("register: shipmentId with spaces", "POST", SHIPMENTS, ACME, json,
                shipment.replace("SHP-BAD", "SHP BAD"), 400, "validation"));
        cases.add(new Case("register: unknown direction", "POST", SHIPMENTS, ACME, json,
                shipment.replace("NORTHBOUND", "EASTBOUND"), 400, "unknown-value"));
        cases.add(new Case("register: unknown lane type", "POST", SHIPMENTS, ACME, json,
                shipment.replace("\"FAST\"", "\"EXPRESS\""), 400, "unknown-value"));
        cases.add(new Case("register: direction as a number", "POST", SHIPMENTS, ACME, json,
                shipment.replace("\"NORTHBOUND\"", "0"), 400, "unknown-value"));
        cases.add(new Case("register: plannedArrival not a time", "POST", SHIPMENTS, ACME, json,
                shipment.replace("2026-11-27T18:00:00Z", "tomorrow morning"), 400, "invalid-field"));
        cases.add(new Case("register: referenceNumbers not an object", "POST", SHIPMENTS, ACME, json,
                shipment.replace("}", ",\"referenceNumbers\":[\"BOL-1\"]}"), 400, "invalid-field"));
        cases.add(new Case("register: unknown crossing", "POST", SHIPMENTS, ACME, json,
                shipment.replace("laredo-world-trade-bridge", "nowhere-bridge"), 400, "unknown-crossing"));
        cases.add(new Case("register: same id, different content", "POST", SHIPMENTS, ACME, json,
                shipment.replace("SHP-BAD", "SHP-CORPUS").replace("FAST", "STANDARD"), 409, "shipment-conflict"));
        cases.add(new Case("register: another carrier's id", "POST", SHIPMENTS, GLOBEX, json,
                shipment.replace("SHP-BAD", "SHP-CORPUS"), 409, "shipment-conflict"));
        cases.add(new Case("register: body over 1 MiB", "POST", SHIPMENTS, ACME, json,
                shipment.replace("}", ",\"padding\":\"" + padding + "\"}"), 413, "payload-too-large"));
        cases.add(new Case("register: text/plain", "POST", SHIPMENTS, ACME, "text/plain", shipment, 415,
                "unsupported-media-type"));

        // changing a shipment
        cases.add(new Case("patch: another carrier's shipment", "PATCH", SHIPMENTS + "/SHP-CORPUS-GLOBEX", ACME, json,
                "{\"laneType\":\"STANDARD\"}", 404, "shipment-not-found"));
        cases.add(new Case("patch: unknown shipment", "PATCH", SHIPMENTS + "/SHP-NOWHERE", ACME, json,
                "{\"laneType\":\"STANDARD\"}", 404, "shipment-not-found"));
        cases.add(new Case("patch: unknown lane type", "PATCH", OWN, ACME, json, "{\"laneType\":\"EXPRESS\"}", 400,
                "unknown-value"));
        cases.add(new Case("patch: plannedArrival of the wrong type", "PATCH", OWN, ACME, json,
                "{\"plannedArrival\":true}", 400, "invalid-field"));

        // one checkpoint
        cases.add(new Case("checkpoint: malformed JSON", "POST", OWN_CHECKPOINTS, ACME, json, "{\"eventId\":", 400, "malformed-json"));
        cases.add(new Case("checkpoint: a JSON array", "POST", OWN_CHECKPOINTS, ACME, json, "[" + event + "]", 400, "invalid-field"));
        cases.add(new Case("checkpoint: missing eventId", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replaceFirst("\"eventId\":\"[^\"]+\",", ""), 400, "validation"));
        cases.add(new Case("checkpoint: eventId not a UUID", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"evt-1\""), 400, "invalid-field"));
        cases.add(new Case("checkpoint: missing type", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("\"type\":\"QUEUE_ENTERED\",", ""), 400, "validation"));
        cases.add(new Case("checkpoint: unknown type", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("QUEUE_ENTERED", "TELEPORTED"), 400, "unknown-value"));
        cases.add(new Case("checkpoint: type as a number", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("\"QUEUE_ENTERED\"", "2"), 400, "unknown-value"));
        cases.add(new Case("checkpoint: missing occurredAt", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("\"occurredAt\":\"" + now + "\",", ""), 400, "validation"));
        cases.add(new Case("checkpoint: occurredAt not a time", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace(now, "27/11/2026 18:00"), 400, "invalid-field"));
        cases.add(new Case("checkpoint: occurredAt 10 min in the future", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace(now, Instant.now().plus(10, ChronoUnit.MINUTES).toString()), 400, "occurred-at-out-of-range"));
        cases.add(new Case("checkpoint: occurredAt 8 days ago", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace(now, Instant.now().minus(8, ChronoUnit.DAYS).toString()), 400, "occurred-at-out-of-range"));
        cases.add(new Case("checkpoint: missing source", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace(",\"source\":\"RFID\"", ""), 400, "validation"));
        cases.add(new Case("checkpoint: unknown source", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("RFID", "CARRIER_PIGEON"), 400, "unknown-value"));
        cases.add(new Case("checkpoint: latitude out of range", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("}", ",\"location\":{\"latitude\":127.5,\"longitude\":-99.5}}"), 400, "validation"));
        cases.add(new Case("checkpoint: location not an object", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("}", ",\"location\":\"Laredo\"}"), 400, "invalid-field"));
        cases.add(new Case("checkpoint: longitude not a number", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("}", ",\"location\":{\"latitude\":27.5,\"longitude\":\"west\"}}"), 400, "invalid-field"));
        cases.add(new Case("checkpoint: unknown shipment", "POST", SHIPMENTS + "/SHP-NOWHERE/checkpoints", ACME, json,
                event, 404, "shipment-not-found"));
        cases.add(new Case("checkpoint: another carrier's shipment", "POST", SHIPMENTS + "/SHP-CORPUS-GLOBEX/checkpoints",
                ACME, json, event, 404, "shipment-not-found"));
        cases.add(new Case("checkpoint: eventId reused with different content", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"" + ACCEPTED_EVENT + "\""), 409,
                "duplicate-event"));
        cases.add(new Case("checkpoint: body over 1 MiB", "POST", OWN_CHECKPOINTS, ACME, json,
                event.replace("}", ",\"padding\":\"" + padding + "\"}"), 413, "payload-too-large"));

        // batches
        cases.add(new Case("batch: malformed JSON", "POST", BATCH, ACME, json, "{\"events\":[", 400, "malformed-json"));
        cases.add(new Case("batch: no events field", "POST", BATCH, ACME, json, "{}", 400, "validation"));
        cases.add(new Case("batch: empty events", "POST", BATCH, ACME, json, "{\"events\":[]}", 400, "validation"));
        cases.add(new Case("batch: events not an array", "POST", BATCH, ACME, json, "{\"events\":" + event + "}", 400,
                "invalid-field"));
        String item = event.replace("{", "{\"shipmentId\":\"SHP-CORPUS\",");
        cases.add(new Case("batch: 1001 events", "POST", BATCH, ACME, json,
                "{\"events\":[" + String.join(",", java.util.Collections.nCopies(1001, item)) + "]}", 413,
                "batch-too-large"));
        cases.add(new Case("batch: body over 1 MiB", "POST", BATCH, ACME, json,
                "{\"events\":[" + item + "],\"padding\":\"" + padding + "\"}", 413, "payload-too-large"));

        // queries
        cases.add(new Case("list: size over 500", "GET", SHIPMENTS + "?size=501", ACME, json, null, 400, "invalid-field"));
        cases.add(new Case("list: negative page", "GET", SHIPMENTS + "?page=-1", ACME, json, null, 400, "invalid-field"));
        cases.add(new Case("list: unknown status", "GET", SHIPMENTS + "?status=FLYING", ACME, json, null, 400, "invalid-field"));
        cases.add(new Case("list: from not a time", "GET", SHIPMENTS + "?from=yesterday", ACME, json, null, 400, "invalid-field"));
        cases.add(new Case("get: another carrier's shipment", "GET", SHIPMENTS + "/SHP-CORPUS-GLOBEX", ACME, json, null,
                404, "shipment-not-found"));
        cases.add(new Case("timeline: unknown shipment", "GET", SHIPMENTS + "/SHP-NOWHERE/timeline", ACME, json, null,
                404, "shipment-not-found"));

        // who calls
        cases.add(new Case("no token", "POST", OWN_CHECKPOINTS, null, json, event, 401, "unauthorized"));
        cases.add(new Case("a token that is not a JWT", "POST", OWN_CHECKPOINTS, "not-a-token", json, event, 401,
                "unauthorized"));
        cases.add(new Case("an operator reporting a checkpoint", "POST", OWN_CHECKPOINTS, TestTokens.operator(), json,
                event, 403, "forbidden"));
        cases.add(new Case("a carrier token without carrier_id", "POST", OWN_CHECKPOINTS,
                TestTokens.sign("dispatch@nobody", Set.of("carrier"), null), json, event, 403, "carrier-id-missing"));
        return cases.stream();
    }
}
