package io.borderflow.analyzer.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.KafkaClients;
import io.borderflow.analyzer.StreamsStateResource;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventSerializer;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectOtlp;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.OtlpReceiver;
import io.borderflow.testsupport.OtlpReceiver.Kind;
import io.borderflow.testsupport.OtlpReceiver.Link;
import io.borderflow.testsupport.OtlpReceiver.Span;
import io.borderflow.testsupport.OtlpReceiverResource;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * With an OTLP endpoint set, the analyzer's hops join a checkpoint's trace: processing the checkpoints.v1 record is a
 * span in the trace its {@code traceparent} names (a child of the producer's span), the shipment-delays.v1 record it
 * causes carries that span, and the series publication on crossing-delays.v1 is a span of its own linked to it.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
@WithTestResource(OtlpReceiverResource.class)
class AnalyzerTracingTest {

    @InjectKafka
    String bootstrap;

    @InjectOtlp
    OtlpReceiver collector;

    @Test
    void aCheckpointsProcessingContinuesItsTraceAndThePublicationLinksToIt() {
        String traceId = hex(16);
        String producerSpanId = hex(8);
        // a series of its own, so the publication below is the one this checkpoint caused
        Checkpoints otay = Checkpoints.at("otay-mesa", Direction.NORTHBOUND, LaneType.FAST);
        CheckpointRecorded queued = otay.queued("SHP-TRACE-A", Instant.now().minusSeconds(120));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CHECKPOINTS, queued.shipmentId(),
                new EventSerializer().serialize(Topics.CHECKPOINTS, queued));
        record.headers().add("traceparent", ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8));

        KafkaClients.sendRaw(bootstrap, List.of(record));

        List<Span> trace = await().atMost(Duration.ofSeconds(60)).until(() -> collector.trace(traceId),
                spans -> !spans.isEmpty());
        Span processing = trace.get(0);
        assertThat(processing.service()).isEqualTo("delay-analyzer");
        assertThat(processing.kind()).isEqualTo(Kind.CONSUMER);
        assertThat(processing.parentSpanId()).as("a child of the producer's span").isEqualTo(producerSpanId);
        assertThat(processing.attributes()).containsEntry("messaging.destination.name", Topics.CHECKPOINTS);

        String[] delay = traceparent(only(Topics.SHIPMENT_DELAYS, queued.shipmentId())).split("-");
        assertThat(delay[1]).as("shipment-delays.v1 stays in the checkpoint's trace").isEqualTo(traceId);
        assertThat(delay[2]).as("and names the processing span").isEqualTo(processing.spanId());

        Span publication = await().atMost(Duration.ofSeconds(60))
                .until(() -> collector.spans().stream().filter(span -> span.links()
                        .contains(new Link(traceId, processing.spanId()))).findFirst(), Optional::isPresent).get();
        assertThat(publication.kind()).isEqualTo(Kind.PRODUCER);
        assertThat(publication.isRoot()).as("a trace of its own, linked rather than parented").isTrue();
        assertThat(publication.attributes()).containsEntry("messaging.destination.name", Topics.CROSSING_DELAYS)
                .containsEntry("borderflow.series", otay.series().toString());
        String[] published = await().atMost(Duration.ofSeconds(30)).until(
                () -> KafkaClients.readAll(bootstrap, Topics.CROSSING_DELAYS).stream()
                        .filter(r -> r.key().equals(otay.series().toString())).map(AnalyzerTracingTest::traceparent)
                        .map(value -> value.split("-")).filter(parts -> parts[2].equals(publication.spanId()))
                        .findFirst(), Optional::isPresent).get();
        assertThat(published[1]).as("crossing-delays.v1 carries the publication's trace").isEqualTo(publication.traceId());
    }

    private ConsumerRecord<String, byte[]> only(String topic, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> KafkaClients.readAll(bootstrap, topic).stream()
                .filter(record -> key.equals(record.key())).toList(), records -> records.size() == 1).get(0);
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? "--" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
