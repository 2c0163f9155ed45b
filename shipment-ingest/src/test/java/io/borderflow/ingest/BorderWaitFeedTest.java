package io.borderflow.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.ingest.FeedServer.Answer;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.ingest.config.CbpConfig;
import io.borderflow.ingest.repository.BorderWaitReadings;
import io.borderflow.ingest.service.BorderWaitPoller;
import io.borderflow.ingest.service.IngestMetrics;
import io.borderflow.ingest.service.WaitTimesFeedClient;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TopicRecords;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The feed reader against a real HTTP server serving recorded snapshots and hostile answers, a real broker and
 * the service's real readiness and metrics. Each test waits for its own answer to take effect, so their order
 * does not matter.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(FeedServer.Resource.class)
class BorderWaitFeedTest {

    private static final Path SNAPSHOTS = Path.of("../deploy/local/cbp-bwt");
    private static final JsonSerde<BorderWaitReported> SERDE = JsonSerde.of(BorderWaitReported.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafka
    String bootstrap;

    @InjectFeedServer
    FeedServer feed;

    @Inject
    CbpConfig cbp;
    @Inject
    WaitTimesFeedClient client;
    @Inject
    CrossingCatalog catalog;
    @Inject
    BorderWaitReadings readings;
    @Inject
    IngestMetrics metrics;

    @Test
    void publishesEachReadingAndARepeatedFeedPublishesNothing() throws IOException {
        feed.answer(Answer.xml(snapshot("bwt-2026-09-17-excerpt.xml"), null));

        await().atMost(WAIT).untilAsserted(() -> assertThat(latest()).containsAllEntriesOf(Map.of(
                "laredo-world-trade-bridge/NORTHBOUND/STANDARD", "DELAY 20 min, 13 lanes, 2026-09-17T23:00:00Z",
                "laredo-world-trade-bridge/NORTHBOUND/FAST", "DELAY 10 min, 3 lanes, 2026-09-17T23:00:00Z",
                "pharr-reynosa/NORTHBOUND/STANDARD", "DELAY 40 min, 4 lanes, 2026-09-18T00:00:00Z",
                "pharr-reynosa/NORTHBOUND/FAST", "DELAY 35 min, 1 lanes, 2026-09-18T00:00:00Z",
                "san-luis-ii/NORTHBOUND/STANDARD", "NO_DELAY 5 min, 2 lanes, 2026-09-17T23:00:00Z")));
        int published = records().size();
        double reads = polls("read");

        // the same body, read three times more: the readings are the same, so nothing is published
        await().atMost(WAIT).until(() -> polls("read") >= reads + 3);
        assertThat(records()).hasSize(published);
        assertThat(metric("borderflow_cbp_poll_last_success_seconds")).isPositive();
        assertThat(metric("borderflow_cbp_unknown_ports")).isEqualTo(1.0); // 240215, BOTA's cargo facility
    }

    @Test
    void pollsAreConditionalOnTheLastReadBodysEtag() throws IOException {
        feed.answer(Answer.xml(snapshot("bwt-2014-04-28.xml"), "\"bwt-2014\""));

        await().atMost(WAIT).untilAsserted(() -> assertThat(latest()).containsEntry(
                "laredo-world-trade-bridge/NORTHBOUND/FAST", "DELAY 45 min, 4 lanes, 2014-04-29T01:00:00Z"));
        await().atMost(WAIT).until(() -> feed.requests().stream().anyMatch(r -> "\"bwt-2014\"".equals(r.ifNoneMatch())));
        int published = records().size();
        double notModified = polls("not-modified");

        await().atMost(WAIT).until(() -> polls("not-modified") >= notModified + 2);
        assertThat(records()).hasSize(published);
        assertThat(data(readiness(), "consecutiveFailures")).isEqualTo(0);
    }

    @Test
    void hostileOrBrokenAnswersLeaveTheServiceReadyAndTheLastReadingsInPlace() throws IOException {
        String excerpt = new String(snapshot("bwt-2026-09-17-excerpt.xml"), StandardCharsets.UTF_8);
        feed.answer(Answer.xml(bytes(wtbStandardWait(excerpt, 97)), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(latest())
                .containsEntry("laredo-world-trade-bridge/NORTHBOUND/STANDARD", "DELAY 97 min, 13 lanes, 2026-09-17T23:00:00Z"));
        int published = records().size();

        String ports = excerpt.substring(excerpt.indexOf("<port>"), excerpt.lastIndexOf("</port>") + 7);
        List<Map.Entry<Answer, String>> hostile = List.of(
                Map.entry(Answer.xml(bytes("<?xml version=\"1.0\"?><!DOCTYPE border_wait_time [<!ENTITY xxe SYSTEM "
                        + "\"file:///etc/passwd\">]><border_wait_time><port><port_number>&xxe;</port_number>"
                        + "</port></border_wait_time>"), null), "DOCTYPE"),
                Map.entry(Answer.xml(bytes("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
                        + "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                        + "<border_wait_time>&lol3;</border_wait_time>"), null), "DOCTYPE"),
                Map.entry(new Answer(500, bytes("<html><body><h1>500 Internal Server Error</h1></body></html>"), null,
                        "text/html"), "HTTP 500"),
                Map.entry(new Answer(200, bytes("<html><body>Access Denied</body></html>"), null, "text/html"),
                        "root element <html>"),
                Map.entry(Answer.xml(bytes(excerpt.substring(0, excerpt.length() / 2)), null), "unreadable XML"),
                // well-formed, but over borderflow.cbp.max-body-size (200K here)
                Map.entry(Answer.xml(bytes(excerpt.replace("</border_wait_time>",
                        ports.repeat(30) + "</border_wait_time>")), null), "larger than"));
        for (Map.Entry<Answer, String> answer : hostile) {
            feed.answer(answer.getKey());
            double failures = polls("failure");
            await().atMost(WAIT).until(() -> polls("failure") >= failures + 2);

            given().get("/q/health/ready").then().statusCode(200);
            Map<String, Object> check = readiness();
            assertThat(check.get("status")).isEqualTo("UP");
            assertThat(data(check, "consecutiveFailures")).isNotEqualTo(0);
            assertThat(String.valueOf(data(check, "lastFailure"))).contains(answer.getValue());
            assertThat(records()).as(answer.getValue()).hasSize(published);
        }

        feed.answer(Answer.xml(bytes(wtbStandardWait(excerpt, 96)), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(latest())
                .containsEntry("laredo-world-trade-bridge/NORTHBOUND/STANDARD", "DELAY 96 min, 13 lanes, 2026-09-17T23:00:00Z"));
        assertThat(records()).as("only the changed reading").hasSize(published + 1);
        assertThat(data(readiness(), "consecutiveFailures")).isEqualTo(0);
    }

    @Test
    void replicasReadingTheSameFeedPublishEachChangedReadingOnce() throws Exception {
        String excerpt = new String(snapshot("bwt-2026-09-17-excerpt.xml"), StandardCharsets.UTF_8);
        feed.answer(Answer.xml(bytes(wtbStandardWait(excerpt, 71)), null));
        await().atMost(WAIT).untilAsserted(() -> assertThat(latest())
                .containsEntry("laredo-world-trade-bridge/NORTHBOUND/STANDARD", "DELAY 71 min, 13 lanes, 2026-09-17T23:00:00Z"));
        int published = records().size();

        // two more readers of the same database, as a second and a third replica (or restarts) would be: they
        // remember nothing, and all three read a feed in which one reading changed
        List<BorderWaitPoller> replicas = List.of(replica(), replica());
        feed.answer(Answer.xml(bytes(wtbStandardWait(excerpt, 83)), null));
        ExecutorService threads = Executors.newFixedThreadPool(replicas.size());
        try {
            for (Future<?> poll : threads.invokeAll(replicas.stream().map(r -> (Callable<Void>) () -> {
                r.poll();
                return null;
            }).toList())) {
                poll.get();
            }
        } finally {
            threads.shutdownNow();
        }

        String changed = "DELAY 83 min, 13 lanes, 2026-09-17T23:00:00Z";
        await().atMost(WAIT).during(Duration.ofSeconds(3)).untilAsserted(() -> {
            assertThat(records().stream().filter(r -> describe(r).equals(changed))).hasSize(1);
            assertThat(records()).as("only the changed reading, once").hasSize(published + 1);
        });
        assertThat(replicas).allSatisfy(r -> assertThat(r.state().consecutiveFailures()).isZero());
    }

    private BorderWaitPoller replica() {
        return new BorderWaitPoller(cbp, client, catalog, readings, metrics);
    }

    private List<BorderWaitReported> records() {
        return TopicRecords.readAll(bootstrap, Topics.BORDER_WAITS).stream()
                .map(record -> SERDE.deserialize(record.topic(), record.value())).toList();
    }

    /** The latest reading per series key, as a compacted topic keeps it. */
    private Map<String, String> latest() {
        Map<String, String> latest = new LinkedHashMap<>();
        TopicRecords.readAll(bootstrap, Topics.BORDER_WAITS).forEach(record ->
                latest.put(record.key(), describe(SERDE.deserialize(record.topic(), record.value()))));
        return latest;
    }

    private static String describe(BorderWaitReported r) {
        return r.status() + " " + r.waitMinutes() + " min, " + r.lanesOpen() + " lanes, " + r.updatedAt();
    }

    /** The feed reader's readiness check. */
    private static Map<String, Object> readiness() {
        return given().get("/q/health/ready").jsonPath().getMap("checks.find { it.name == 'CBP Border Wait Times feed' }");
    }

    @SuppressWarnings("unchecked")
    private static Object data(Map<String, Object> check, String key) {
        return ((Map<String, Object>) check.get("data")).get(key);
    }

    private static double polls(String outcome) {
        return metric("borderflow_cbp_polls_total{outcome=\"" + outcome + "\"");
    }

    /** A metric's value from /q/metrics (0 when it is not there yet); the name may include the start of its tags. */
    private static double metric(String prefix) {
        String metrics = given().get("/q/metrics").asString();
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^ ]* ([0-9.E+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String wtbStandardWait(String excerpt, int minutes) {
        return excerpt.replaceFirst("<delay_minutes>20</delay_minutes>", "<delay_minutes>" + minutes + "</delay_minutes>");
    }

    private static byte[] snapshot(String name) throws IOException {
        return Files.readAllBytes(SNAPSHOTS.resolve(name));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
