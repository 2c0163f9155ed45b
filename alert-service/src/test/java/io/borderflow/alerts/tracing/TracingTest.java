package io.borderflow.alerts.tracing;

import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.averageDelayRule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.InjectReceivers;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.alerts.support.ReceiversResource;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventJson;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectOtlp;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.OtlpReceiver;
import io.borderflow.testsupport.OtlpReceiver.Kind;
import io.borderflow.testsupport.OtlpReceiver.Span;
import io.borderflow.testsupport.OtlpReceiverResource;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set, alert-service continues the trace a delay update arrives in (its {@code traceparent}
 * header): the consumer span and evaluation, the alert it fires on alerts.v1 (through the outbox), and the webhook
 * request sent for it (through the notification outbox), all exported to a collector of the test's own.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(ReceiversResource.class)
@WithTestResource(OtlpReceiverResource.class)
class TracingTest {

    private static final String CROSSING = "laredo-world-trade-bridge";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectReceivers
    Receivers receivers;

    @InjectOtlp
    OtlpReceiver collector;

    @Inject
    TestClock clock;

    @Test
    void anAlertFiredByADelayUpdateIsInTheUpdatesTrace() throws Exception {
        averageDelayRule("traced-average-delay", CROSSING, 60, 0, 0);
        ConsumerTask<String, String> alertsTopic = kafka.consumeStrings().fromTopics(Topics.ALERTS);
        String traceId = hex(16);
        String analyzerSpanId = hex(8);
        ProducerRecord<String, String> update = new ProducerRecord<>(Topics.CROSSING_DELAYS, CROSSING + "/NORTHBOUND/FAST",
                EventJson.mapper().writeValueAsString(Events.averageDelay(CROSSING, 75, clock.instant())));
        update.headers().add("traceparent",
                ("00-" + traceId + "-" + analyzerSpanId + "-01").getBytes(StandardCharsets.UTF_8));

        kafka.produceStrings().fromRecords(update).awaitCompletion();

        String fingerprint = await().atMost(Duration.ofSeconds(20)).until(() -> alertsAt(CROSSING).stream()
                .filter(alert -> "FIRING".equals(alert.get("state"))).map(alert -> (String) alert.get("fingerprint"))
                .findFirst().orElse(null), found -> found != null);
        ConsumerRecord<String, String> announced = await().atMost(Duration.ofSeconds(15)).until(() -> alertsTopic
                .getRecords().stream().filter(r -> fingerprint.equals(r.key())).findFirst().orElse(null), r -> r != null);
        String[] carried = new String(announced.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
                .split("-");
        assertThat(carried[1]).as("alerts.v1 continues the update's trace").isEqualTo(traceId);

        List<Span> trace = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(traceId),
                spans -> spans.stream().anyMatch(span -> span.spanId().equals(carried[2])));
        Span consumed = trace.stream().filter(span -> span.kind() == Kind.CONSUMER).findFirst().orElseThrow();
        assertThat(consumed.parentSpanId()).as("the analyzer's span is the consumer's parent").isEqualTo(analyzerSpanId);
        assertThat(consumed.attributes()).containsEntry("messaging.destination.name", Topics.CROSSING_DELAYS);
        Span published = trace.stream().filter(span -> span.spanId().equals(carried[2])).findFirst().orElseThrow();
        assertThat(published.kind()).isEqualTo(Kind.PRODUCER);
        assertThat(published.attributes()).containsEntry("messaging.destination.name", Topics.ALERTS);

        Receivers.Received webhook = await().atMost(Duration.ofSeconds(15)).until(
                () -> receivers.requests(Receivers.WEBHOOK_PATH, fingerprint).stream().findFirst().orElse(null),
                r -> r != null);
        String[] requested = webhook.header("traceparent").split("-");
        assertThat(requested[1]).as("the webhook request continues the trace").isEqualTo(traceId);
        Span request = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(traceId).stream()
                .filter(span -> span.spanId().equals(requested[2])).findFirst().orElse(null), span -> span != null);
        assertThat(request.kind()).isEqualTo(Kind.CLIENT);
        assertThat(request.service()).isEqualTo("alert-service");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
