package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.register;
import static io.borderflow.ingest.Api.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectOtlp;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.OtlpReceiver;
import io.borderflow.testsupport.OtlpReceiver.Kind;
import io.borderflow.testsupport.OtlpReceiver.Span;
import io.borderflow.testsupport.OtlpReceiverResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set, ingest traces its part of a checkpoint's journey, exported to a collector of the test's
 * own: the carrier's request (continuing the carrier's trace, if its request carries {@code traceparent}) and the
 * record it produces — straight to checkpoints.v1, or later through the outbox relay to shipments.v1 — whose
 * {@code traceparent} header carries the trace on to the analyzer and alert-service.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(OtlpReceiverResource.class)
class TracingTest {

    private static final String ACME = TestTokens.carrier("acme");

    @InjectKafka
    String bootstrap;

    @InjectOtlp
    OtlpReceiver collector;

    @Test
    void aCheckpointsRecordIsInTheTraceOfTheRequestThatReportedIt() {
        register(ACME, "SHP-TRACE-1").statusCode(201);
        String traceId = hex(16);
        String callerSpanId = hex(8);
        UUID eventId = UUID.randomUUID();

        as(ACME).header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .body(checkpoint(eventId, "QUEUE_ENTERED", 2))
                .post("/api/v1/shipments/{id}/checkpoints", "SHP-TRACE-1").then().statusCode(202);

        ConsumerRecord<String, byte[]> record = only(Topics.CHECKPOINTS, eventId.toString());
        Traceparent carried = Traceparent.of(record);
        assertThat(carried.traceId()).isEqualTo(traceId);
        List<Span> trace = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(traceId),
                spans -> spans.stream().anyMatch(span -> span.spanId().equals(carried.parentId())));
        Span request = serverSpan(trace);
        assertThat(request.parentSpanId()).as("the carrier's span is the request's parent").isEqualTo(callerSpanId);
        Span publish = span(trace, carried.parentId());
        assertThat(publish.kind()).isEqualTo(Kind.PRODUCER);
        assertThat(publish.attributes()).containsEntry("messaging.destination.name", Topics.CHECKPOINTS);
        assertThat(descendsFrom(publish, request, trace)).as("published within the request").isTrue();
        assertThat(trace).allSatisfy(span -> assertThat(span.service()).isEqualTo("shipment-ingest"));
    }

    @Test
    void aShipmentRelayedFromTheOutboxStaysInTheTraceOfTheRequestThatRegisteredIt() {
        String traceId = hex(16);

        as(ACME).header("traceparent", "00-" + traceId + "-" + hex(8) + "-01").body(shipment("SHP-TRACE-2"))
                .post("/api/v1/shipments").then().statusCode(201);

        ConsumerRecord<String, byte[]> record = only(Topics.SHIPMENTS, "SHP-TRACE-2");
        Traceparent carried = Traceparent.of(record);
        assertThat(carried.traceId()).as("the relay, on its timer, continues the request's trace")
                .isEqualTo(traceId);
        List<Span> trace = await().atMost(Duration.ofSeconds(20)).until(() -> collector.trace(traceId),
                spans -> spans.stream().anyMatch(span -> span.spanId().equals(carried.parentId())));
        Span publish = span(trace, carried.parentId());
        assertThat(publish.kind()).isEqualTo(Kind.PRODUCER);
        assertThat(publish.attributes()).containsEntry("messaging.destination.name", Topics.SHIPMENTS);
        assertThat(descendsFrom(publish, serverSpan(trace), trace)).isTrue();
        assertThat(TopicContents.header(record, "outbox-traceparent")).as("the row's trace is not a record header")
                .isEmpty();
    }

    /** A {@code traceparent} header: version, trace id, parent (span) id, flags. */
    private record Traceparent(String traceId, String parentId) {

        static Traceparent of(ConsumerRecord<String, byte[]> record) {
            String[] parts = TopicContents.header(record, "traceparent").orElseThrow().split("-");
            return new Traceparent(parts[1], parts[2]);
        }
    }

    private static Span serverSpan(List<Span> trace) {
        return trace.stream().filter(span -> span.kind() == Kind.SERVER).findFirst().orElseThrow();
    }

    private static Span span(List<Span> trace, String spanId) {
        return trace.stream().filter(span -> span.spanId().equals(spanId)).findFirst().orElseThrow();
    }

    private static boolean descendsFrom(Span span, Span ancestor, List<Span> trace) {
        Span current = span;
        while (!current.isRoot()) {
            if (current.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
            String parent = current.parentSpanId();
            current = trace.stream().filter(s -> s.spanId().equals(parent)).findFirst().orElse(null);
            if (current == null) {
                return false;
            }
        }
        return false;
    }

    private ConsumerRecord<String, byte[]> only(String topic, String mentioned) {
        return await().until(() -> TopicContents.read(bootstrap, topic).stream()
                .filter(record -> TopicContents.value(record).contains(mentioned)).toList(),
                records -> records.size() == 1).get(0);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
