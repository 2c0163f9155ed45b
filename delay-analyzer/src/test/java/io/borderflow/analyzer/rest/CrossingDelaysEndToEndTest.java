package io.borderflow.analyzer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.KafkaClients;
import io.borderflow.analyzer.StreamsStateResource;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.Event;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.cloudevents.CloudEventHeaders;
import io.borderflow.events.serde.EventSerializer;
import io.borderflow.events.serde.JsonSerde;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** Checkpoints on the real broker → statistics on crossing-delays.v1, through REST, SSE, history and profile. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
class CrossingDelaysEndToEndTest {

    static final String LAREDO = Checkpoints.CROSSING;
    static final SeriesKey STANDARD = new SeriesKey(LAREDO, Direction.NORTHBOUND, LaneType.STANDARD);
    static final JsonSerde<CrossingDelayUpdated> DELAYS = JsonSerde.of(CrossingDelayUpdated.class);

    @InjectKafka
    String bootstrap;

    @TestHTTPResource("/api/v1/crossings/stream")
    URI streamUri;

    static List<CheckpointRecorded> journey(Checkpoints at, String id, Instant now, int queuedAgo, int primaryAgo, int exitAgo) {
        return List.of(at.queued(id, now.minus(queuedAgo, ChronoUnit.MINUTES)),
                at.primary(id, now.minus(primaryAgo, ChronoUnit.MINUTES)),
                at.exited(id, now.minus(exitAgo, ChronoUnit.MINUTES)));
    }

    @Test
    void aQuietStreamSendsKeepAliveCommentsSoClientsCanTellItIsAlive() {
        List<String> sseLines = new CopyOnWriteArrayList<>();
        HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(streamUri).header("Authorization", "Bearer " + TestTokens.operator())
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines())
                .thenAcceptAsync(response -> response.body().forEach(sseLines::add));

        await().atMost(Duration.ofSeconds(30)).until(() -> sseLines.contains(": keep-alive")
                || sseLines.contains(":keep-alive"));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.matchesPattern(
                "(?s).*\nborderflow_sse_clients\\{stream=\"crossings\"} [1-9][0-9]*\\.0\n.*"));
    }

    @Test
    void checkpointsBecomeStatisticsOnTheTopicThroughRestAndSse() throws Exception {
        List<String> sseLines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> sse = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(streamUri).header("Authorization", "Bearer " + TestTokens.operator())
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        sse.thenAcceptAsync(response -> response.body().forEach(sseLines::add));

        Instant now = Instant.now();
        Checkpoints standard = Checkpoints.laredoNorthboundStandard();
        List<CheckpointRecorded> events = new ArrayList<>();
        events.addAll(journey(standard, "E2E-1", now, 50, 30, 10)); // wait 20, crossing 40
        events.addAll(journey(standard, "E2E-2", now, 45, 35, 15)); // wait 10, crossing 30
        events.addAll(journey(standard, "E2E-3", now, 30, 20, 5));  // wait 10, crossing 25
        events.add(standard.queued("E2E-Q", now.minus(25, ChronoUnit.MINUTES)));
        events.addAll(journey(Checkpoints.at(LAREDO, Direction.NORTHBOUND, LaneType.FAST), "E2E-F", now, 20, 15, 12));
        KafkaClients.send(bootstrap, events);

        // on the compacted topic
        CrossingDelayUpdated published = await().atMost(Duration.ofSeconds(60)).until(
                () -> latestOnTopic(STANDARD), u -> u != null && u.crossingTime().count() == 3 && u.queuedNow() == 1);
        assertThat(published.crossingTime().p50Minutes()).isEqualTo(30.0);
        assertThat(published.crossingTime().p95Minutes()).isEqualTo(40.0);
        assertThat(published.crossingTime().meanMinutes()).isCloseTo(95.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(published.waitTime().p50Minutes()).isEqualTo(10.0);
        assertThat(published.averageDelayMinutes()).isCloseTo(95.0 / 3 - 10, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(published.bufferTimeMinutes()).isCloseTo(40 - 95.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(published.oldestQueuedMinutes()).isGreaterThanOrEqualTo(25.0);
        assertThat(published.liveWaitMinutes()).isEqualTo(published.oldestQueuedMinutes());
        assertThat(published.stale()).isFalse();

        // through REST: one crossing, both lane types, nothing mixed
        JsonPath crossing = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.carrier("acme"))
                .get("/api/v1/crossings/" + LAREDO).then().statusCode(200).extract().jsonPath(),
                // the FAST journey is on another partition, so its statistics may come a little later
                json -> json.getInt("series.find { it.laneType == 'STANDARD' }.crossingTime.count") == 3
                        && Integer.valueOf(1).equals(json.get("series.find { it.laneType == 'FAST' }.crossingTime.count")));
        assertThat(crossing.getBoolean("hasData")).isTrue();
        assertThat(crossing.getString("timeZone")).isEqualTo("America/Chicago");
        assertThat(crossing.getList("series.laneType")).containsExactly("STANDARD", "FAST");
        assertThat(crossing.getDouble("series.find { it.laneType == 'FAST' }.crossingTime.p50Minutes")).isEqualTo(8.0);
        assertThat(crossing.getDouble("series.find { it.laneType == 'STANDARD' }.crossingTime.p50Minutes")).isEqualTo(30.0);
        Map<String, Object> standardView = crossing.getMap("series.find { it.laneType == 'STANDARD' }");
        Instant asOf = Instant.parse((String) standardView.get("asOf"));
        assertThat(standardView.get("asOfLocal")).isEqualTo(java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(asOf.atZone(ZoneId.of("America/Chicago"))));

        given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings").then().statusCode(200)
                .body("", hasSize(22))
                .body("[0].id", is(LAREDO))
                .body("findAll { it.id != '" + LAREDO + "' && it.id != 'pharr-reynosa' }.hasData", everyItem(is(false)))
                .body("findAll { it.id != '" + LAREDO + "' && it.id != 'pharr-reynosa' }.series.flatten()", hasSize(0));

        // SSE: the updates arrive as named events with the crossing id
        await().atMost(Duration.ofSeconds(30)).until(() -> sseLines.contains("event:crossing-delay")
                || sseLines.contains("event: crossing-delay"));
        // other tests' series publish too (every 30 s at least): wait for this one's
        await().atMost(Duration.ofSeconds(30)).until(() -> sseLines.stream().anyMatch(line -> line.startsWith("data:")
                && line.contains("\"crossingId\":\"" + LAREDO + "\"") && line.contains("\"laneType\"")));
        sse.thenAccept(response -> response.body().close());

        // history bins in PostgreSQL, and the profile in the crossing's zone
        JsonPath history = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.operator())
                .get("/api/v1/crossings/" + LAREDO + "/history").then().statusCode(200).extract().jsonPath(),
                json -> json.getList("series.find { it.laneType == 'STANDARD' }.points.findAll { it.samples == 3 }").size() > 0);
        assertThat(history.getString("step")).isEqualTo("5m");
        List<String> pointTimes = history.getList("series.find { it.laneType == 'STANDARD' }.points.at");
        JsonPath profile = given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings/" + LAREDO + "/profile")
                .then().statusCode(200).extract().jsonPath();
        assertThat(profile.getString("timeZone")).isEqualTo("America/Chicago");
        List<String> profileHours = profile.getList("series.find { it.laneType == 'STANDARD' }.hours")
                .stream().map(h -> ((Map<?, ?>) h).get("dayOfWeek") + " " + ((Map<?, ?>) h).get("hour")).toList();
        for (String at : pointTimes) {
            ZonedDateTime local = Instant.parse(at).atZone(ZoneId.of("America/Chicago"));
            assertThat(profileHours).contains(local.getDayOfWeek() + " " + local.getHour());
        }

        // the live-wait gauge for alerting and Grafana
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("borderflow_analyzer_live_wait_minutes{crossing=\"" + LAREDO
                        + "\",direction=\"NORTHBOUND\",lane=\"STANDARD\"}"))
                .body(containsString("borderflow_analyzer_checkpoints_processed_total"));
    }

    @Test
    void aPoisonRecordLandsOnTheDeadLetterTopicAndTheNextRecordIsProcessed() {
        Checkpoints pharr = Checkpoints.at("pharr-reynosa", Direction.NORTHBOUND, LaneType.STANDARD);
        KafkaClients.sendRaw(bootstrap, List.of(new ProducerRecord<>("checkpoints.v1", "POISON-1",
                "{\"eventId\":\"not-a-uuid\"".getBytes(StandardCharsets.UTF_8))));
        KafkaClients.send(bootstrap, List.of(pharr.queued("POISON-1", Instant.now())));

        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(60))
                .until(() -> KafkaClients.readAll(bootstrap, "checkpoints.v1.dlq"), records -> !records.isEmpty()).get(0);
        assertThat(dead.key()).isEqualTo("POISON-1");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"not-a-uuid\"");
        assertThat(header(dead, "dead-letter-reason")).isEqualTo("invalid-checkpoint");
        assertThat(header(dead, "dead-letter-cause")).contains("CheckpointRecorded");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo("checkpoints.v1");
        assertThat(header(dead, "dead-letter-partition")).isNotBlank();
        assertThat(header(dead, "dead-letter-offset")).isNotBlank();
        CloudEvent described = KafkaMessageFactory.createReader(dead).toEvent();
        assertThat(described.getType()).isEqualTo("mx.borderflow.DeadLetter.v1");
        assertThat(described.getId()).isEqualTo("checkpoints.v1/" + header(dead, "dead-letter-partition") + "/"
                + header(dead, "dead-letter-offset"));
        assertThat(described.getSource()).isEqualTo(URI.create("/borderflow/delay-analyzer"));

        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaClients.readAll(bootstrap, "shipment-delays.v1").stream()
                .anyMatch(record -> record.key().equals("POISON-1")));
    }

    /**
     * Kafka Streams copies a checkpoint's headers to what the topology produces from it; a CloudEvents consumer
     * still reads each output record as the analyzer's own event (its eventId, type and time), body unchanged.
     */
    @Test
    void theAnalyzersRecordsAreCloudEventsOfTheirOwnNotOfTheCheckpointTheyCameFrom() {
        // the series the poison test uses: no series of its own, which other tests would see
        Checkpoints pharr = Checkpoints.at("pharr-reynosa", Direction.NORTHBOUND, LaneType.STANDARD);
        CheckpointRecorded queued = pharr.queued("CE-1", Instant.now().minus(5, ChronoUnit.MINUTES));
        Headers ingestHeaders = CloudEventHeaders.of(queued, CloudEventHeaders.source("shipment-ingest"),
                new RecordHeaders());
        KafkaClients.sendRaw(bootstrap, List.of(new ProducerRecord<>(Topics.CHECKPOINTS, null, "CE-1",
                new EventSerializer().serialize(Topics.CHECKPOINTS, queued), ingestHeaders)));

        ConsumerRecord<String, byte[]> delay = await().atMost(Duration.ofSeconds(60)).until(
                () -> KafkaClients.readAll(bootstrap, Topics.SHIPMENT_DELAYS).stream()
                        .filter(record -> record.key().equals("CE-1")).findFirst(), Optional::isPresent).get();
        assertIsTheAnalyzersEvent(delay, JsonSerde.of(ShipmentDelayUpdated.class).deserialize(Topics.SHIPMENT_DELAYS,
                delay.value()), "mx.borderflow.ShipmentDelayUpdated.v1");
        assertThat(header(delay, CloudEventHeaders.ID)).isNotEqualTo(queued.eventId().toString());

        String series = new SeriesKey("pharr-reynosa", Direction.NORTHBOUND, LaneType.STANDARD).toString();
        ConsumerRecord<String, byte[]> statistics = await().atMost(Duration.ofSeconds(60)).until(
                () -> KafkaClients.readAll(bootstrap, Topics.CROSSING_DELAYS).stream()
                        .filter(record -> record.key().equals(series)).findFirst(), Optional::isPresent).get();
        assertIsTheAnalyzersEvent(statistics, DELAYS.deserialize(Topics.CROSSING_DELAYS, statistics.value()),
                "mx.borderflow.CrossingDelayUpdated.v1");
    }

    private static void assertIsTheAnalyzersEvent(ConsumerRecord<String, byte[]> record, Event body, String type) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        assertThat(event.getId()).isEqualTo(body.eventId().toString());
        assertThat(event.getType()).isEqualTo(type);
        assertThat(event.getSource()).isEqualTo(URI.create("/borderflow/delay-analyzer"));
        assertThat(event.getTime().toInstant()).isEqualTo(body.occurredAt());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(record.value());
    }

    @Test
    void errorsAreProblemsAndEveryRoleMayRead() {
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings/atlantis").then().statusCode(404)
                .contentType("application/problem+json").body("type", is("https://borderflow.io/problems/crossing-not-found"));
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings/" + LAREDO + "/history?step=7m").then()
                .statusCode(400).contentType("application/problem+json").body("detail", containsString("multiple of 5m"));
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/crossings/" + LAREDO + "/history?from=yesterday").then()
                .statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/crossings").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-token").get("/api/v1/crossings").then().statusCode(401)
                .contentType("application/problem+json");
        for (String token : List.of(TestTokens.operator(), TestTokens.oncall(), TestTokens.admin(), TestTokens.carrier("acme"))) {
            given().auth().oauth2(token).get("/api/v1/crossings/" + LAREDO).then().statusCode(200);
        }
        given().auth().oauth2(TestTokens.sign("someone", java.util.Set.of("guest"), null)).get("/api/v1/crossings")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", is("https://borderflow.io/problems/forbidden"));
    }

    @Test
    void corsAllowsTheDashboardOrigin() {
        given().header("Origin", "http://localhost:8082").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/crossings").then()
                .header("Access-Control-Allow-Origin", "http://localhost:8082");
    }

    CrossingDelayUpdated latestOnTopic(SeriesKey series) {
        CrossingDelayUpdated latest = null;
        for (ConsumerRecord<String, byte[]> record : KafkaClients.readAll(bootstrap, "crossing-delays.v1")) {
            if (record.key().equals(series.toString())) {
                latest = DELAYS.deserialize(record.topic(), record.value());
            }
        }
        return latest;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
