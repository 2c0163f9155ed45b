package io.borderflow.alerts.routing;

import static io.borderflow.alerts.support.Api.produce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.RoutedDatabase;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The same alerts and the same routing YAML through BorderFlow and through a real Alertmanager give the same
 * groups and the same webhook payloads, up to timestamps, URLs and fingerprints (Alertmanager hashes labels its
 * own way). BorderFlow routes its alerts itself and also feeds them to the Alertmanager through its output
 * channel; both send their webhooks to one real HTTP receiver, under different paths.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(RoutedDatabase.class)
@WithTestResource(AlertmanagerResource.class)
class AlertmanagerComparisonTest {

    private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {
    };

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @Inject
    TestClock clock;

    @Test
    void borderFlowAndAlertmanagerSendTheSameGroupsAndPayloads() {
        assumeTrue(Files.isExecutable(AlertmanagerResource.BINARY), AlertmanagerResource.BINARY
                + " is not installed, so there is no Alertmanager to compare with (apt-get install prometheus-alertmanager)");
        given().auth().oauth2(TestTokens.admin()).contentType("application/yaml")
                .body(AlertmanagerResource.ROUTING.formatted(receivers.baseUrl() + AlertmanagerResource.BORDERFLOW_SIDE)
                        .getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/routing").then().statusCode(200);
        rule("cmp-warning", "CmpDelayHigh", 60, "WARNING");
        rule("cmp-critical", "CmpDelayCritical", 90, "CRITICAL");

        // critical and warning (inhibited) at two crossings, warnings only at three, two of them in the west
        Map<String, Double> delays = Map.of("nogales-mariposa", 100.0, "otay-mesa", 100.0, "san-luis-ii", 75.0,
                "tecate", 75.0, "calexico-east", 75.0);
        kafka.produceStrings().fromRecords(delays.entrySet().stream().map(e -> new ProducerRecord<>(
                Topics.CROSSING_DELAYS, e.getKey() + "/NORTHBOUND/FAST",
                Json.write(Events.averageDelay(e.getKey(), e.getValue(), clock.instant())))).toList()).awaitCompletion();
        // team: tecate + calexico-east; pager: nogales, otay-mesa; west: nogales critical, san-luis-ii warning
        Map<String, List<Map<String, Object>>> first = settled(5);
        assertThat(first).hasSize(5);
        assertThat(first.get("team {}:{alertname=\"CmpDelayHigh\"}")).singleElement()
                .satisfies(message -> assertThat(crossings(message)).containsExactly("calexico-east", "tecate"));

        produce(kafka, Topics.CROSSING_DELAYS, "tecate/NORTHBOUND/FAST", Events.averageDelay("tecate", 20, clock.instant()));
        Map<String, List<Map<String, Object>>> second = settled(6);
        assertThat(second.get("team {}:{alertname=\"CmpDelayHigh\"}")).hasSize(2).last()
                .satisfies(message -> assertThat(message.get("status")).isEqualTo("firing"));
    }

    /**
     * Waits until both sides sent {@code messages} webhooks and nothing more arrives for a while, then asserts that
     * both sent the same, and answers BorderFlow's messages by receiver and group key.
     */
    private Map<String, List<Map<String, Object>>> settled(int messages) {
        await().atMost(Duration.ofSeconds(60)).until(() -> sent(AlertmanagerResource.BORDERFLOW_SIDE).size() >= messages
                && sent(AlertmanagerResource.ALERTMANAGER_SIDE).size() >= messages);
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).until(() ->
                sent(AlertmanagerResource.BORDERFLOW_SIDE).size() == sent(AlertmanagerResource.ALERTMANAGER_SIDE).size());
        Map<String, List<Map<String, Object>>> borderFlow = byGroup(AlertmanagerResource.BORDERFLOW_SIDE);
        assertThat(borderFlow).isEqualTo(byGroup(AlertmanagerResource.ALERTMANAGER_SIDE));
        return borderFlow;
    }

    private List<Receivers.Received> sent(String side) {
        return receivers.requests().stream().filter(r -> r.path().startsWith(side + "/")).toList();
    }

    /** Each side's webhooks by "receiver groupKey", in the order sent, without timestamps, URLs and fingerprints. */
    private Map<String, List<Map<String, Object>>> byGroup(String side) {
        return sent(side).stream().map(r -> normalized(Json.read(r.body(), MESSAGE)))
                .collect(Collectors.groupingBy(m -> m.get("receiver") + " " + m.get("groupKey"), TreeMap::new,
                        Collectors.toList()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalized(Map<String, Object> message) {
        Map<String, Object> kept = new TreeMap<>(message);
        kept.remove("externalURL");
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (Map<String, Object> alert : (List<Map<String, Object>>) message.get("alerts")) {
            Map<String, Object> a = new LinkedHashMap<>(alert);
            a.keySet().removeAll(List.of("startsAt", "endsAt", "generatorURL", "fingerprint"));
            alerts.add(a);
        }
        kept.put("alerts", alerts);
        return kept;
    }

    @SuppressWarnings("unchecked")
    private static List<String> crossings(Map<String, Object> message) {
        return ((List<Map<String, Object>>) message.get("alerts")).stream()
                .map(a -> ((Map<String, String>) a.get("labels")).get("crossing")).toList();
    }

    private static void rule(String id, String name, double threshold, String severity) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("name", name);
        rule.put("measure", "average_delay_minutes");
        rule.put("threshold", threshold);
        rule.put("forMinutes", 0);
        rule.put("keepFiringForMinutes", 0);
        rule.put("severity", severity);
        rule.put("summary", "Average delay {{value}} min at {{crossing}}");
        rule.put("runbookUrl", "https://runbooks.example/average-delay");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(rule)
                .post("/api/v1/rules").then().statusCode(201);
    }
}
