package io.borderflow.alerts.service;

import static io.borderflow.alerts.support.Api.alert;
import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.averageDelayRule;
import static io.borderflow.alerts.support.Api.produce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.borderflow.alerts.notification.WebhookSignature;
import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.ReceiversResource;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.AlertStateChanged;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * End to end with real parts: delay updates produced to Kafka, rules and alerts in PostgreSQL, events on
 * alerts.v1, and notifications received by a real HTTP server (webhook, PagerDuty) and a real SMTP server.
 * Each test works on its own crossing, so they do not see each other's alerts.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(ReceiversResource.class)
class AlertPipelineTest {

    private static final Duration QUIET = Duration.ofSeconds(4);

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @InjectPostgres
    PostgresDatabase database;

    @Inject
    TestClock clock;

    @TestHTTPResource("/api/v1/alerts/stream")
    URL streamUrl;

    private String fire(String crossing, String ruleId, double averageDelay) {
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.averageDelay(crossing, averageDelay, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).stream()
                .anyMatch(a -> ruleId.equals(a.get("ruleId")) && "FIRING".equals(a.get("state"))));
        return fingerprint(crossing, ruleId);
    }

    private static String fingerprint(String crossing, String ruleId) {
        return alertsAt(crossing).stream().filter(a -> ruleId.equals(a.get("ruleId")))
                .map(a -> (String) a.get("fingerprint")).findFirst().orElseThrow();
    }

    private List<Receivers.Received> webhooks(String fingerprint) {
        return receivers.requests(Receivers.WEBHOOK_PATH, fingerprint);
    }

    private List<AlertStateChanged> alertEvents(ConsumerTask<String, String> consumer, String fingerprint) {
        JsonSerde<AlertStateChanged> serde = JsonSerde.of(AlertStateChanged.class);
        return consumer.getRecords().stream().filter(r -> fingerprint.equals(r.key()))
                .map(r -> serde.deserialize(r.topic(), r.value().getBytes(StandardCharsets.UTF_8))).toList();
    }

    @Test
    void aDelayOverTheThresholdFiresPublishesAndNotifiesEveryChannelThenResolves() throws Exception {
        String crossing = "laredo-world-trade-bridge";
        averageDelayRule("e2e-average-delay", crossing, 60, 0, 0);
        ConsumerTask<String, String> alertsTopic = kafka.consumeStrings().fromTopics(Topics.ALERTS);

        String fingerprint = fire(crossing, "e2e-average-delay", 75);

        await().atMost(Duration.ofSeconds(15)).until(() -> alertEvents(alertsTopic, fingerprint).size() == 1);
        AlertStateChanged firing = alertEvents(alertsTopic, fingerprint).get(0);
        assertThat(firing.state()).hasToString("FIRING");
        assertThat(firing.previousState()).hasToString("INACTIVE");
        assertThat(firing.labels()).containsEntry("crossing", crossing).containsEntry("severity", "critical")
                .containsEntry("alertname", "AverageDelayHigh");
        assertThat(firing.value()).isEqualTo(75.0);
        // relayed from the outbox: a CloudEvents consumer reads it as this event, body unchanged
        ConsumerRecord<String, String> firingRecord = alertsTopic.getRecords().stream()
                .filter(r -> fingerprint.equals(r.key())).findFirst().orElseThrow();
        byte[] firingBody = firingRecord.value().getBytes(StandardCharsets.UTF_8);
        CloudEvent announced = KafkaMessageFactory.createReader(firingRecord.headers(), firingBody).toEvent();
        assertThat(announced.getId()).isEqualTo(firing.eventId().toString());
        assertThat(announced.getType()).isEqualTo("mx.borderflow.AlertStateChanged.v1");
        assertThat(announced.getSource()).isEqualTo(URI.create("/borderflow/alert-service"));
        assertThat(announced.getTime().toInstant()).isEqualTo(firing.occurredAt());
        assertThat(announced.getData().toBytes()).isEqualTo(firingBody);

        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 1);
        Receivers.Received hook = webhooks(fingerprint).get(0);
        assertValidSignature(hook);
        assertThat(hook.header("Idempotency-Key")).isEqualTo(fingerprint + "-firing-1");
        JsonPath payload = JsonPath.from(hook.body());
        assertThat(payload.getString("version")).isEqualTo("4");
        assertThat(payload.getString("status")).isEqualTo("firing");
        assertThat(payload.getString("receiver")).isEqualTo("borderflow-oncall");
        assertThat(payload.getString("groupLabels.alertname")).isEqualTo("AverageDelayHigh");
        assertThat(payload.getString("commonLabels.crossing")).isEqualTo(crossing);
        assertThat(payload.getString("alerts[0].fingerprint")).isEqualTo(fingerprint);
        assertThat(payload.getString("alerts[0].labels.direction")).isEqualTo("NORTHBOUND");
        assertThat(payload.getString("alerts[0].annotations.summary")).isEqualTo("Average delay 75 min at " + crossing);
        assertThat(payload.getString("alerts[0].annotations.runbook_url")).isEqualTo("https://runbooks.example/average-delay");
        assertThat(payload.getString("alerts[0].generatorURL")).isEqualTo("http://localhost:8082/#/crossings/" + crossing);
        assertThat(payload.getString("alerts[0].endsAt")).isEqualTo("0001-01-01T00:00:00Z");
        assertThat(Instant.parse(payload.getString("alerts[0].startsAt"))).isEqualTo(firing.startsAt());

        await().atMost(Duration.ofSeconds(15)).until(() -> !receivers.requests(Receivers.PAGERDUTY_PATH, fingerprint).isEmpty());
        JsonPath trigger = JsonPath.from(receivers.requests(Receivers.PAGERDUTY_PATH, fingerprint).get(0).body());
        assertThat(trigger.getString("event_action")).isEqualTo("trigger");
        assertThat(trigger.getString("dedup_key")).isEqualTo(fingerprint);
        assertThat(trigger.getString("routing_key")).isEqualTo(ReceiversResource.ROUTING_KEY);
        assertThat(trigger.getString("payload.severity")).isEqualTo("critical");
        assertThat(trigger.getString("payload.source")).isEqualTo(crossing);

        MimeMessage mail = await().atMost(Duration.ofSeconds(15)).until(() -> email("[FIRING]", crossing),
                found -> found != null);
        assertThat(mail.getAllRecipients()[0]).hasToString(ReceiversResource.ONCALL_EMAIL);
        assertThat(GreenMailUtil.getBody(mail)).contains("Average delay 75 min at " + crossing).contains(fingerprint);

        // the values drop: resolved everywhere
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.averageDelay(crossing, 20, clock.instant()));
        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 2);
        Receivers.Received resolvedHook = webhooks(fingerprint).get(1);
        assertValidSignature(resolvedHook);
        JsonPath resolved = JsonPath.from(resolvedHook.body());
        assertThat(resolved.getString("status")).isEqualTo("resolved");
        assertThat(resolved.getString("alerts[0].endsAt")).isNotEqualTo("0001-01-01T00:00:00Z");
        assertThat(resolvedHook.header("Idempotency-Key")).isEqualTo(fingerprint + "-resolved-2");

        await().atMost(Duration.ofSeconds(15)).until(() -> alertEvents(alertsTopic, fingerprint).size() == 2);
        assertThat(alertEvents(alertsTopic, fingerprint).get(1).state()).hasToString("RESOLVED");
        await().atMost(Duration.ofSeconds(15)).until(() -> receivers.requests(Receivers.PAGERDUTY_PATH, fingerprint)
                .stream().anyMatch(r -> r.body().contains("\"event_action\":\"resolve\"")));
        await().atMost(Duration.ofSeconds(15)).until(() -> email("[RESOLVED]", crossing) != null);

        JsonPath detail = alert(fingerprint);
        assertThat(detail.getString("state")).isEqualTo("RESOLVED");
        assertThat(detail.getList("history.to")).containsExactly("FIRING", "RESOLVED");
        assertThat(detail.getList("history.from")).containsExactly("INACTIVE", "FIRING");
    }

    private static void assertValidSignature(Receivers.Received request) {
        String header = request.header(WebhookSignature.HEADER);
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        String timestamp = header.substring(2, header.indexOf(','));
        String signature = header.substring(header.indexOf("v1=") + 3);
        assertThat(signature).isEqualTo(
                WebhookSignature.hmac(ReceiversResource.WEBHOOK_SECRET, timestamp + "." + request.body()));
        assertThat(WebhookSignature.hmac("another-secret", timestamp + "." + request.body())).isNotEqualTo(signature);
    }

    private MimeMessage email(String status, String crossing) throws Exception {
        for (MimeMessage message : receivers.emails()) {
            if (message.getSubject().startsWith(status) && message.getSubject().contains(crossing)) {
                return message;
            }
        }
        return null;
    }

    @Test
    void theSameUpdateReceivedTwiceChangesNothing() {
        String crossing = "laredo-colombia-solidarity";
        averageDelayRule("dup-average-delay", crossing, 60, 0, 0);
        ConsumerTask<String, String> alertsTopic = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        var update = Events.averageDelay(crossing, 90, clock.instant());
        for (int i = 0; i < 3; i++) {
            produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST", update);
        }
        // a later update on the same partition: once it is applied, the duplicates before it were too
        Instant marker = clock.instant().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST", Events.averageDelay(crossing, 95, marker));
        await().atMost(Duration.ofSeconds(20)).until(() -> database.count(
                "select count(*) from alerts.alert_instance where rule_id = 'dup-average-delay' and last_observed_at = '"
                        + marker + "'") == 1);
        String fingerprint = fingerprint(crossing, "dup-average-delay");

        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 1);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> webhooks(fingerprint).size() == 1
                && alertEvents(alertsTopic, fingerprint).size() == 1);
        assertThat(alertsAt(crossing)).hasSize(1);
        assertThat(database.count("select count(*) from alerts.alert_history where fingerprint = '" + fingerprint + "'"))
                .isEqualTo(1);
        assertThat(database.count("select count(*) from alerts.notification where fingerprint = '" + fingerprint + "'"))
                .as("one firing notification per channel").isEqualTo(3);
    }

    @Test
    void aDefaultRuleGoesPendingAndFiresOnTheEvaluationTickOnceForHasPassed() {
        String crossing = "pharr-reynosa";
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.liveWait(crossing, 120, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).stream()
                .anyMatch(a -> "live-wait-warning".equals(a.get("ruleId")) && "PENDING".equals(a.get("state"))));
        String fingerprint = fingerprint(crossing, "live-wait-warning");
        assertThat(alertsAt(crossing)).as("120 min is not over the critical 180").hasSize(1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> "PENDING".equals(alert(fingerprint).getString("state")));

        Instant activeAt = Instant.parse(alert(fingerprint).getString("activeAt"));
        clock.advance(Duration.ofMinutes(10));

        // no new input: the tick fires it
        await().atMost(Duration.ofSeconds(15)).until(() -> "FIRING".equals(alert(fingerprint).getString("state")));
        Instant startsAt = Instant.parse(alert(fingerprint).getString("startsAt"));
        assertThat(startsAt).isAfterOrEqualTo(activeAt.plus(Duration.ofMinutes(10)));
        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 1);
        assertThat(JsonPath.from(webhooks(fingerprint).get(0).body()).getString("alerts[0].labels.severity"))
                .isEqualTo("warning");
    }

    @Test
    void acknowledgingRecordsWhoAndWhenAndStopsTheRepeats() {
        String crossing = "el-paso-ysleta-zaragoza";
        averageDelayRule("ack-average-delay", crossing, 60, 0, 0);
        String fingerprint = fire(crossing, "ack-average-delay", 80);
        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 1);

        clock.advance(Duration.ofHours(4).plusMinutes(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 2);
        assertThat(webhooks(fingerprint).get(1).header("Idempotency-Key")).isEqualTo(fingerprint + "-repeat-2");

        given().auth().oauth2(TestTokens.operator()).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/alerts/" + fingerprint + "/acknowledge").then().statusCode(403);
        JsonPath acknowledged = given().auth().oauth2(TestTokens.oncall()).contentType(ContentType.JSON)
                .body(Map.of("comment", "calling the bridge")).post("/api/v1/alerts/" + fingerprint + "/acknowledge")
                .then().statusCode(200).extract().jsonPath();
        assertThat(acknowledged.getString("acknowledgedBy")).isEqualTo("oncall@borderflow.test");
        assertThat(Instant.parse(acknowledged.getString("acknowledgedAt"))).isCloseTo(clock.instant(),
                org.assertj.core.api.Assertions.within(30, java.time.temporal.ChronoUnit.SECONDS));
        await().atMost(Duration.ofSeconds(15)).until(() -> receivers.requests(Receivers.PAGERDUTY_PATH, fingerprint)
                .stream().anyMatch(r -> r.body().contains("\"event_action\":\"acknowledge\"")));

        clock.advance(Duration.ofHours(4).plusMinutes(1));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> webhooks(fingerprint).size() == 2);
        assertThat(alert(fingerprint).getString("state")).isEqualTo("FIRING");
    }

    @Test
    void aSilencedAlertChangesStateButNothingIsSent() {
        String crossing = "eagle-pass-camino-real";
        averageDelayRule("silenced-average-delay", crossing, 60, 0, 0);
        given().auth().oauth2(TestTokens.oncall()).contentType(ContentType.JSON).body(Map.of(
                        "matchers", List.of(Map.of("name", "crossing", "value", crossing)),
                        "endsAt", clock.instant().plus(Duration.ofDays(30)).toString(),
                        "comment", "bridge closed for maintenance"))
                .post("/api/v1/silences").then().statusCode(201)
                .body("createdBy", org.hamcrest.Matchers.is("oncall@borderflow.test"))
                .body("status", org.hamcrest.Matchers.is("active"));

        String fingerprint = fire(crossing, "silenced-average-delay", 99);
        assertThat(alert(fingerprint).getBoolean("silenced")).isTrue();
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.averageDelay(crossing, 10, clock.instant()));
        await().atMost(Duration.ofSeconds(15)).until(() -> "RESOLVED".equals(alert(fingerprint).getString("state")));

        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> webhooks(fingerprint).isEmpty()
                && receivers.requests(Receivers.PAGERDUTY_PATH, fingerprint).isEmpty());
        assertThat(database.count("select count(*) from alerts.notification where fingerprint = '" + fingerprint + "'"))
                .isZero();
        assertThat(database.count("select count(*) from alerts.outbox where message_key = '" + fingerprint + "'"))
                .as("state changes are still published").isEqualTo(2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String crossing = "brownsville-veterans";
        averageDelayRule("poison-average-delay", crossing, 60, 0, 0);
        byte[] poison = "{\"eventId\": \"not-a-uuid\", \"crossingId\": ".getBytes(StandardCharsets.UTF_8);
        kafka.produce(String.class, byte[].class)
                .fromRecords(new ProducerRecord<>(Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST", poison))
                .awaitCompletion();

        String fingerprint = fire(crossing, "poison-average-delay", 70);
        assertThat(fingerprint).isNotBlank();

        ConsumerRecord<String, byte[]> dead = kafka.consume(String.class, byte[].class)
                .fromTopics(Topics.deadLetter(Topics.CROSSING_DELAYS), 1).awaitCompletion(Duration.ofSeconds(20))
                .getFirstRecord();
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.key()).isEqualTo(crossing + "/NORTHBOUND/FAST");
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
        assertThat(new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Topics.CROSSING_DELAYS);
        CloudEvent described = KafkaMessageFactory.createReader(dead).toEvent();
        assertThat(described.getType()).isEqualTo("mx.borderflow.DeadLetter.v1");
        assertThat(described.getSource()).isEqualTo(URI.create("/borderflow/alert-service"));
        assertThat(described.getId()).startsWith(Topics.CROSSING_DELAYS + "/");
    }

    @Test
    void aStalledShipmentFiresTheDefaultRuleAndResolvesWhenItMovesOn() {
        String crossing = "el-paso-bota";
        produce(kafka, Topics.SHIPMENT_DELAYS, "SHP-STALLED-1",
                Events.shipment("SHP-STALLED-1", "acme", crossing, JourneyStatus.STALLED, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).stream()
                .anyMatch(a -> "shipment-stalled".equals(a.get("ruleId")) && "FIRING".equals(a.get("state"))));
        String fingerprint = fingerprint(crossing, "shipment-stalled");
        JsonPath firing = alert(fingerprint);
        assertThat(firing.getMap("labels")).containsEntry("shipment", "SHP-STALLED-1").containsEntry("carrier", "acme")
                .containsEntry("crossing", crossing);
        assertThat(firing.getString("annotations.summary")).isEqualTo("Shipment SHP-STALLED-1 of acme stalled at " + crossing);

        produce(kafka, Topics.SHIPMENT_DELAYS, "SHP-STALLED-1",
                Events.shipment("SHP-STALLED-1", "acme", crossing, JourneyStatus.EXITED, clock.instant()));
        await().atMost(Duration.ofSeconds(15)).until(() -> "RESOLVED".equals(alert(fingerprint).getString("state")));
    }

    @Test
    void everyAlertChangeIsStreamedAsServerSentEvents() throws Exception {
        String crossing = "brownsville-los-indios";
        averageDelayRule("sse-average-delay", crossing, 60, 0, 0);
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(HttpRequest.newBuilder(URI.create(
                        streamUrl.toString())).header("Authorization", "Bearer " + TestTokens.operator())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> stream = response.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));

        String fingerprint = fire(crossing, "sse-average-delay", 65);

        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains(fingerprint) && line.contains("FIRING")));
        int data = indexOf(lines, fingerprint);
        assertThat(lines.get(data - 1)).matches("event: ?alert");
        assertThat(JsonPath.from(lines.get(data).substring("data:".length())).getString("labels.crossing"))
                .isEqualTo(crossing);

        // another replica acknowledges it: its row changes in the shared database and its outbox announces it on
        // alerts.v1; this instance evaluated nothing, yet its clients see the change
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "update alerts.alert_instance set acknowledged_by = 'oncall@replica-2', acknowledged_at = now()"
                        + " where fingerprint = ?")) {
            statement.setString(1, fingerprint);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
        ConsumerTask<String, String> announced = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        await().atMost(Duration.ofSeconds(15)).until(() -> !alertEvents(announced, fingerprint).isEmpty());
        produce(kafka, Topics.ALERTS, fingerprint, alertEvents(announced, fingerprint).get(0));
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream()
                .anyMatch(line -> line.startsWith("data:") && line.contains(fingerprint)
                        && line.contains("oncall@replica-2")));
        announced.stop();
        stream.body().close();
    }

    private static int indexOf(List<String> lines, String fingerprint) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("data:") && lines.get(i).contains(fingerprint)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void theAlertListFiltersByStateSeverityAndCrossingAndPages() {
        String crossing = "del-rio";
        averageDelayRule("list-average-delay", crossing, 60, 0, 0);
        fire(crossing, "list-average-delay", 61);
        given().auth().oauth2(TestTokens.operator()).queryParam("crossingId", crossing).queryParam("state", "FIRING")
                .queryParam("severity", "CRITICAL").queryParam("size", 1)
                .get("/api/v1/alerts").then().statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.is(1)).body("page", org.hamcrest.Matchers.is(0))
                .body("size", org.hamcrest.Matchers.is(1)).body("total", org.hamcrest.Matchers.is(1))
                .body("items[0].ruleName", org.hamcrest.Matchers.is("AverageDelayHigh"))
                .body("items[0].threshold", org.hamcrest.Matchers.is(60.0f))
                .body("items[0].value", org.hamcrest.Matchers.is(61.0f));
        given().auth().oauth2(TestTokens.operator()).queryParam("crossingId", crossing).queryParam("severity", "INFO")
                .get("/api/v1/alerts").then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));
        given().auth().oauth2(TestTokens.operator()).queryParam("state", "SLEEPING")
                .get("/api/v1/alerts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.is("state"));
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/alerts/0000000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.carrier("acme")).get("/api/v1/alerts").then().statusCode(403);
    }

    @Test
    void deletingARuleResolvesItsFiringAlertOnTheNextTick() {
        String crossing = "tornillo-marcelino-serna";
        averageDelayRule("deleted-average-delay", crossing, 60, 0, 0);
        String fingerprint = fire(crossing, "deleted-average-delay", 70);
        // acknowledging needs no body
        given().auth().oauth2(TestTokens.admin()).post("/api/v1/alerts/" + fingerprint + "/acknowledge").then()
                .statusCode(200).body("acknowledgedBy", org.hamcrest.Matchers.is("admin@borderflow.test"));

        given().auth().oauth2(TestTokens.admin()).delete("/api/v1/rules/deleted-average-delay").then().statusCode(204);

        await().atMost(Duration.ofSeconds(15)).until(() -> "RESOLVED".equals(alert(fingerprint).getString("state")));
        await().atMost(Duration.ofSeconds(15)).until(() -> webhooks(fingerprint).size() == 2);
        assertThat(JsonPath.from(webhooks(fingerprint).get(1).body()).getString("status")).isEqualTo("resolved");
    }
}
