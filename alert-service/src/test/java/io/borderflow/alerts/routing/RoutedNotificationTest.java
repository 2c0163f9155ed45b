package io.borderflow.alerts.routing;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.produce;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.RoutedDatabase;
import io.borderflow.alerts.support.ReceiversResource;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing end to end with real parts: the configuration PUT over REST, delay updates from Kafka, groups in
 * PostgreSQL, and what a real HTTP server (webhooks, PagerDuty) and a real SMTP server receive. Each test has its
 * own alert names and crossings, so its groups are its own.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(RoutedDatabase.class)
@WithTestResource(ReceiversResource.class)
class RoutedNotificationTest {

    static final String PAGER_KEY = "PAGERKEY0123456789012345678901AB";
    static final String TEAM_EMAIL = "team@borderflow.test";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @Inject
    TestClock clock;

    String routing() {
        return """
                # warnings to the team, grouped by alert name; critical to the pager, per crossing
                route:
                  receiver: team
                  group_by: [alertname]
                  group_wait: 3s
                  group_interval: 2s
                  repeat_interval: 1h
                  routes:
                    - matchers: ['severity="critical"']
                      receiver: pager
                      group_by: [crossing]
                    # long enough to gather updates that a busy machine consumes seconds apart
                    - matchers: ['alertname="GroupedDelay"']
                      group_wait: 10s
                receivers:
                  - name: team
                    webhook_configs:
                      - url: '%1$s/team'
                    email_configs:
                      - to: '%2$s'
                  - name: pager
                    webhook_configs:
                      - url: '%1$s/pager'
                    pagerduty_configs:
                      - routing_key: %3$s
                """.formatted(receivers.baseUrl(), TEAM_EMAIL, PAGER_KEY);
    }

    @BeforeEach
    void configure() {
        given().auth().oauth2(TestTokens.admin()).contentType("application/yaml").body(yaml(routing()))
                .put("/api/v1/routing").then().statusCode(200);
    }

    @Test
    void theConfigurationIsReadAndWrittenWholeAsYamlValidatedAndVersioned() {
        String version = given().auth().oauth2(TestTokens.oncall()).get("/api/v1/routing").then().statusCode(200)
                .contentType(containsString("application/yaml")).body(is(routing()))
                .extract().header("X-Routing-Version");

        given().auth().oauth2(TestTokens.admin()).contentType("application/yaml")
                .body(yaml(routing().replace("group_wait: 3s", "group_wait: soon"))).put("/api/v1/routing")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("line 5")).body("errors.field", hasItem("route.group_wait"))
                .body("errors.message", hasItem(containsString("not a duration")));
        given().auth().oauth2(TestTokens.admin()).contentType("application/yaml")
                .body(yaml(routing().replace("receiver: pager", "receiver: nobody"))).put("/api/v1/routing")
                .then().statusCode(400).body("errors.field", hasItem("route.routes[0].receiver"))
                .body("errors.message", hasItem("line 10: no receiver named nobody"));
        // refused versions are not stored
        given().auth().oauth2(TestTokens.oncall()).get("/api/v1/routing").then().statusCode(200)
                .header("X-Routing-Version", version);

        given().auth().oauth2(TestTokens.oncall()).contentType("application/yaml").body(yaml(routing()))
                .put("/api/v1/routing").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).get("/api/v1/routing").then().statusCode(403);
        given().get("/api/v1/routing").then().statusCode(401);

        String next = given().auth().oauth2(TestTokens.admin()).contentType("application/yaml").body(yaml(routing()))
                .put("/api/v1/routing").then().statusCode(200).extract().header("X-Routing-Version");
        assertThat(Long.parseLong(next)).isGreaterThan(Long.parseLong(version));
    }

    @Test
    void removingTheConfigurationIsANewVersionThatRoutesNothing() {
        String version = given().auth().oauth2(TestTokens.oncall()).get("/api/v1/routing").then().statusCode(200)
                .extract().header("X-Routing-Version");
        given().auth().oauth2(TestTokens.oncall()).delete("/api/v1/routing").then().statusCode(403);

        String removed = given().auth().oauth2(TestTokens.admin()).delete("/api/v1/routing").then().statusCode(204)
                .extract().header("X-Routing-Version");

        assertThat(Long.parseLong(removed)).isGreaterThan(Long.parseLong(version));
        given().auth().oauth2(TestTokens.oncall()).get("/api/v1/routing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("every enabled channel gets every alert"));
    }

    @Test
    void alertsOfOneGroupGoOutAsOneMessagePerIntegrationAndAResolveAtTheNextGroupInterval() throws Exception {
        List<String> crossings = List.of("eagle-pass-camino-real", "del-rio", "progreso");
        crossings.forEach(crossing -> rule("grouped-" + crossing, "GroupedDelay", crossing, "WARNING"));
        crossings.forEach(crossing -> produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.averageDelay(crossing, 75, clock.instant())));
        await().atMost(Duration.ofSeconds(30)).until(() -> crossings.stream()
                .allMatch(crossing -> view(crossing, "grouped-" + crossing) != null));
        // a child route inherits the receiver and is shown on the alert
        assertThat(view("del-rio", "grouped-del-rio").get("routes")).isEqualTo(List.of(
                Map.of("route", "{}/{alertname=\"GroupedDelay\"}", "receiver", "team")));

        await().atMost(Duration.ofSeconds(30)).until(() -> team("GroupedDelay").size() == 1);
        JsonPath first = JsonPath.from(team("GroupedDelay").get(0).body());
        assertThat(first.getString("groupKey"))
                .isEqualTo("{}/{alertname=\"GroupedDelay\"}:{alertname=\"GroupedDelay\"}");
        assertThat(first.getString("receiver")).isEqualTo("team");
        assertThat(first.getString("status")).isEqualTo("firing");
        assertThat(first.getMap("groupLabels")).isEqualTo(Map.of("alertname", "GroupedDelay"));
        assertThat(first.getList("alerts.labels.crossing")).containsExactlyInAnyOrderElementsOf(crossings);
        assertThat(first.getMap("commonLabels")).containsEntry("severity", "warning").containsEntry("lane", "FAST")
                .doesNotContainKey("crossing");
        assertThat(team("GroupedDelay").get(0).header("Idempotency-Key")).matches("g\\d+-1-0");
        MimeMessage mail = await().atMost(Duration.ofSeconds(15)).until(() -> email("GroupedDelay"), m -> m != null);
        assertThat(mail.getSubject()).isEqualTo("[FIRING:3] GroupedDelay");
        assertThat(mail.getAllRecipients()[0]).hasToString(TEAM_EMAIL);

        produce(kafka, Topics.CROSSING_DELAYS, "progreso/NORTHBOUND/FAST",
                Events.averageDelay("progreso", 20, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> team("GroupedDelay").size() == 2);
        JsonPath second = JsonPath.from(team("GroupedDelay").get(1).body());
        assertThat(second.getString("status")).isEqualTo("firing");
        assertThat(second.getList("alerts.status")).containsExactlyInAnyOrder("firing", "firing", "resolved");
        assertThat(second.getString("alerts.find { it.status == 'resolved' }.labels.crossing")).isEqualTo("progreso");
        // nothing new after that: the group stays quiet until its repeat interval
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> team("GroupedDelay").size() == 2);
        // email has no send_resolved: a resolve alone does not mail
        assertThat(receivers.emails().stream().filter(m -> subject(m).contains("GroupedDelay"))).hasSize(1);
        assertThat(receivers.requests(Receivers.WEBHOOK_PATH, "GroupedDelay")).as("the unrouted webhook").isEmpty();
    }

    @Test
    void theCriticalLiveWaitInhibitsTheWarningOfItsSeriesAndPagesOneEventPerAlert() {
        String crossing = "douglas";
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.liveWait(crossing, 200, clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).size() == 2);
        clock.advance(Duration.ofMinutes(11));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(crossing).stream()
                .allMatch(a -> "FIRING".equals(a.get("state"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> !receivers.requests("/pager", crossing).isEmpty());
        JsonPath paged = JsonPath.from(receivers.requests("/pager", crossing).get(0).body());
        assertThat(paged.getString("groupKey")).isEqualTo("{}/{severity=\"critical\"}:{crossing=\"douglas\"}");
        assertThat(paged.getList("alerts.labels.rule")).containsExactly("live-wait-critical");
        String critical = alert(crossing, "live-wait-critical");
        await().atMost(Duration.ofSeconds(15)).until(() -> !receivers.requests(Receivers.PAGERDUTY_PATH, critical).isEmpty());
        JsonPath trigger = JsonPath.from(receivers.requests(Receivers.PAGERDUTY_PATH, critical).get(0).body());
        assertThat(trigger.getString("routing_key")).isEqualTo(PAGER_KEY);
        assertThat(trigger.getString("dedup_key")).isEqualTo(critical);
        assertThat(trigger.getString("event_action")).isEqualTo("trigger");

        // the warning is in the team's group (group_wait 3 s) but inhibited: the team hears nothing of it
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .until(() -> receivers.requests("/team", crossing).isEmpty());
        Map<String, Object> warning = view(crossing, "live-wait-warning");
        assertThat(warning.get("inhibited")).isEqualTo(true);
        assertThat(warning.get("routes")).isEqualTo(List.of(Map.of("route", "{}", "receiver", "team")));
        Map<String, Object> criticalView = view(crossing, "live-wait-critical");
        assertThat(criticalView.get("inhibited")).isEqualTo(false);
        assertThat(criticalView.get("routes"))
                .isEqualTo(List.of(Map.of("route", "{}/{severity=\"critical\"}", "receiver", "pager")));

        // the critical one resolves (120 min: warning still): the team is told of the warning, PagerDuty of the resolve
        produce(kafka, Topics.CROSSING_DELAYS, crossing + "/NORTHBOUND/FAST",
                Events.liveWait(crossing, 120, clock.instant()));
        await().atMost(Duration.ofSeconds(10)).until(() -> view(crossing, "live-wait-critical") != null);
        clock.advance(Duration.ofMinutes(6));
        await().atMost(Duration.ofSeconds(20)).until(() -> !receivers.requests("/team", crossing).isEmpty());
        JsonPath told = JsonPath.from(receivers.requests("/team", crossing).get(0).body());
        assertThat(told.getList("alerts.labels.rule")).containsExactly("live-wait-warning");
        assertThat(told.getString("groupKey")).isEqualTo("{}:{alertname=\"LiveWaitHigh\"}");
        await().atMost(Duration.ofSeconds(15)).until(() -> receivers.requests(Receivers.PAGERDUTY_PATH, critical)
                .stream().anyMatch(r -> r.body().contains("\"event_action\":\"resolve\"")));
        assertThat(view(crossing, "live-wait-warning").get("inhibited")).isEqualTo(false);
    }

    /** The YAML as bytes: REST Assured has no encoder for application/yaml. */
    static byte[] yaml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<Receivers.Received> team(String marker) {
        return receivers.requests("/team", marker);
    }

    private MimeMessage email(String marker) {
        return receivers.emails().stream().filter(m -> subject(m).contains(marker)).findFirst().orElse(null);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> view(String crossing, String ruleId) {
        return alertsAt(crossing).stream().filter(a -> ruleId.equals(a.get("ruleId"))).findFirst().orElse(null);
    }

    private static String alert(String crossing, String ruleId) {
        return (String) view(crossing, ruleId).get("fingerprint");
    }

    private static void rule(String id, String name, String crossing, String severity) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("name", name);
        rule.put("measure", "average_delay_minutes");
        rule.put("scope", Map.of("crossingId", crossing));
        rule.put("threshold", 60);
        rule.put("forMinutes", 0);
        rule.put("keepFiringForMinutes", 0);
        rule.put("severity", severity);
        rule.put("summary", "Average delay {{value}} min at {{crossing}}");
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(rule)
                .post("/api/v1/rules").then().statusCode(201);
    }
}
