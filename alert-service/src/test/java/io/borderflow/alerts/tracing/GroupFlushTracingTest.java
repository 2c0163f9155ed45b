package io.borderflow.alerts.tracing;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.averageDelayRule;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.ReceiversResource;
import io.borderflow.alerts.support.RoutedDatabase;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventJson;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectOtlp;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.OtlpReceiver;
import io.borderflow.testsupport.OtlpReceiver.Kind;
import io.borderflow.testsupport.OtlpReceiver.Link;
import io.borderflow.testsupport.OtlpReceiver.Span;
import io.borderflow.testsupport.OtlpReceiverResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set and a routing tree in force, an alert reaches its receiver through its group's flush:
 * the flush is a span of its own trace linked to the trace the alert's delay update arrived in, and the webhook
 * request for the group is sent in the flush's trace.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(RoutedDatabase.class)
@WithTestResource(ReceiversResource.class)
@WithTestResource(OtlpReceiverResource.class)
class GroupFlushTracingTest {

    private static final String CROSSING = "nogales-mariposa";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @InjectOtlp
    OtlpReceiver collector;

    @Inject
    TestClock clock;

    @Test
    void aGroupsFlushIsLinkedToItsAlertsTraceAndItsWebhookRequestIsInTheFlushsTrace() throws Exception {
        given().auth().oauth2(TestTokens.admin()).contentType("application/yaml").body("""
                route:
                  receiver: team
                  group_by: [crossing]
                  group_wait: 1s
                  group_interval: 1s
                receivers:
                  - name: team
                    webhook_configs:
                      - url: '%s/team'
                """.formatted(receivers.baseUrl()).getBytes(StandardCharsets.UTF_8))
                .put("/api/v1/routing").then().statusCode(200);
        averageDelayRule("traced-grouped-delay", CROSSING, 60, 0, 0);
        String traceId = hex(16);
        ProducerRecord<String, String> update = new ProducerRecord<>(Topics.CROSSING_DELAYS, CROSSING + "/NORTHBOUND/FAST",
                EventJson.mapper().writeValueAsString(Events.averageDelay(CROSSING, 75, clock.instant())));
        update.headers().add("traceparent", ("00-" + traceId + "-" + hex(8) + "-01").getBytes(StandardCharsets.UTF_8));

        kafka.produceStrings().fromRecords(update).awaitCompletion();

        await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(CROSSING).stream()
                .anyMatch(alert -> "FIRING".equals(alert.get("state"))));
        Receivers.Received webhook = await().atMost(Duration.ofSeconds(20)).until(
                () -> receivers.requests("/team", CROSSING).stream().findFirst().orElse(null), r -> r != null);
        String[] requested = webhook.header("traceparent").split("-");
        assertThat(requested[1]).as("the group's message is not in the update's trace").isNotEqualTo(traceId);

        Span request = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(requested[1]).stream()
                .filter(span -> span.spanId().equals(requested[2])).findFirst().orElse(null), span -> span != null);
        assertThat(request.kind()).isEqualTo(Kind.CLIENT);
        Span flush = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(requested[1]).stream()
                .filter(span -> span.spanId().equals(request.parentSpanId())).findFirst().orElse(null), s -> s != null);
        assertThat(flush.name()).isEqualTo("alert group flush");
        assertThat(flush.service()).isEqualTo("alert-service");
        assertThat(flush.isRoot()).as("a trace of its own, linked rather than parented").isTrue();
        assertThat(flush.attributes()).containsEntry("borderflow.alert_group.receiver", "team")
                .containsEntry("borderflow.alert_group.key", "{}:{crossing=\"" + CROSSING + "\"}");

        List<Link> intoTheUpdatesTrace = flush.links().stream().filter(link -> link.traceId().equals(traceId)).toList();
        assertThat(intoTheUpdatesTrace).as("linked to the update's trace").hasSize(1);
        List<String> updateSpans = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(traceId).stream()
                .filter(span -> span.service().equals("alert-service")).map(Span::spanId).toList(),
                ids -> ids.contains(intoTheUpdatesTrace.get(0).spanId()));
        assertThat(updateSpans).as("the link names a span alert-service exported in the update's trace")
                .contains(intoTheUpdatesTrace.get(0).spanId());
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
