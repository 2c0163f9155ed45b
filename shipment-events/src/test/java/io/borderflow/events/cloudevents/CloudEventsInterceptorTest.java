package io.borderflow.events.cloudevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Samples;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.ShipmentRegistered;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventJson;
import io.borderflow.events.serde.EventSerializer;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * What a CloudEvents consumer reads (the SDK's Kafka binding) from what a producer with the interceptor sends,
 * for every shape a BorderFlow producer hands it. Each service's own test checks the same over a real broker.
 */
class CloudEventsInterceptorTest {

    private final CloudEventsInterceptor interceptor = configured("shipment-ingest");

    @Test
    void anEventObjectIsDescribedByItsIdTypeAndTimeAndItsBodyIsUnchanged() {
        CheckpointRecorded checkpoint = Samples.checkpointRecorded();
        byte[] body = new EventSerializer().serialize(Topics.CHECKPOINTS, checkpoint);

        ProducerRecord<Object, Object> sent = interceptor.onSend(record(Topics.CHECKPOINTS, checkpoint, new RecordHeaders()));
        CloudEvent read = read(sent.headers(), body);

        assertThat(read.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(read.getId()).isEqualTo(checkpoint.eventId().toString());
        assertThat(read.getType()).isEqualTo("mx.borderflow.CheckpointRecorded.v1");
        assertThat(read.getSource()).isEqualTo(URI.create("/borderflow/shipment-ingest"));
        assertThat(read.getTime().toInstant()).isEqualTo(checkpoint.occurredAt());
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getData().toBytes()).isEqualTo(body);
        assertThat(sent.value()).isSameAs(checkpoint);
    }

    @Test
    void jsonBytesAreReadAsTheTopicsEventTypeAndAShipmentEventAsItsOwnRecord() throws Exception {
        ShipmentRegistered registered = Samples.shipmentRegistered();
        byte[] body = EventJson.mapper().writerFor(ShipmentEvent.class).writeValueAsBytes(registered);

        ProducerRecord<Object, Object> sent = interceptor.onSend(record(Topics.SHIPMENTS, body, new RecordHeaders()));
        CloudEvent read = read(sent.headers(), body);

        assertThat(read.getId()).isEqualTo(registered.eventId().toString());
        assertThat(read.getType()).isEqualTo("mx.borderflow.ShipmentRegistered.v1");
        assertThat(read.getData().toBytes()).isEqualTo(body);
    }

    /** Kafka Streams copies an input record's headers to what it produces from it: those attributes are not ours. */
    @Test
    void attributesInheritedFromAnotherEventAreReplacedAndOtherHeadersKept() {
        CheckpointRecorded input = Samples.checkpointRecorded();
        Headers inherited = interceptor.onSend(record(Topics.CHECKPOINTS, input, new RecordHeaders())).headers();
        inherited.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
        CrossingDelayUpdated output = Samples.crossingDelayUpdated();
        byte[] body = new EventSerializer().serialize(Topics.CROSSING_DELAYS, output);

        ProducerRecord<Object, Object> sent = configured("delay-analyzer")
                .onSend(record(Topics.CROSSING_DELAYS, body, inherited));

        assertThat(values(sent.headers(), CloudEventHeaders.ID)).containsExactly(output.eventId().toString());
        assertThat(values(sent.headers(), CloudEventHeaders.TYPE)).containsExactly("mx.borderflow.CrossingDelayUpdated.v1");
        assertThat(values(sent.headers(), CloudEventHeaders.SOURCE)).containsExactly("/borderflow/delay-analyzer");
        assertThat(values(sent.headers(), "traceparent")).hasSize(1);
        assertThat(values(inherited, CloudEventHeaders.ID)).as("the input's headers are not changed")
                .containsExactly(input.eventId().toString());
    }

    @Test
    void aDeadLetterKeepsTheOriginalsAttributesAndItsReasonHeaders() {
        CheckpointRecorded checkpoint = Samples.checkpointRecorded();
        Headers headers = interceptor.onSend(record(Topics.CHECKPOINTS, checkpoint, new RecordHeaders())).headers();
        headers.add("dead-letter-reason", "unknown-crossing".getBytes(StandardCharsets.UTF_8));
        byte[] body = new EventSerializer().serialize(Topics.CHECKPOINTS, checkpoint);

        ProducerRecord<Object, Object> sent = configured("delay-analyzer")
                .onSend(record(Topics.deadLetter(Topics.CHECKPOINTS), body, headers));
        CloudEvent read = read(sent.headers(), body);

        assertThat(read.getId()).isEqualTo(checkpoint.eventId().toString());
        assertThat(read.getSource()).as("who produced the event, not who dead-lettered it")
                .isEqualTo(URI.create("/borderflow/shipment-ingest"));
        assertThat(values(sent.headers(), "dead-letter-reason")).containsExactly("unknown-crossing");
    }

    @Test
    void anUnreadableDeadLetterIsADeadLetterEventNamedByWhereItWasRead() {
        byte[] body = "{not json".getBytes(StandardCharsets.UTF_8);
        Headers headers = new RecordHeaders();
        headers.add("dead-letter-reason", "malformed".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", Topics.POSITIONS.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", "7".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", "42".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> sent = interceptor.onSend(record(Topics.deadLetter(Topics.POSITIONS), body, headers));
        CloudEvent read = read(sent.headers(), body);

        assertThat(read.getType()).isEqualTo("mx.borderflow.DeadLetter.v1");
        assertThat(read.getId()).isEqualTo("positions.v1/7/42");
        assertThat(read.getTime()).isNotNull();
        assertThat(read.getData().toBytes()).isEqualTo(body);
        assertThat(values(sent.headers(), "dead-letter-reason")).containsExactly("malformed");
    }

    @Test
    void recordsToOtherTopicsPassUnchanged() {
        ProducerRecord<Object, Object> changelog = record("delay-analyzer-journeys-changelog", new byte[] {1, 2},
                new RecordHeaders());

        assertThat(interceptor.onSend(changelog)).isSameAs(changelog);
    }

    private static CloudEventsInterceptor configured(String service) {
        CloudEventsInterceptor interceptor = new CloudEventsInterceptor();
        interceptor.configure(Map.of(CloudEventsInterceptor.SERVICE_CONFIG, service));
        return interceptor;
    }

    private static ProducerRecord<Object, Object> record(String topic, Object value, Headers headers) {
        return new ProducerRecord<>(topic, null, Instant.now().toEpochMilli(), "key", value, headers);
    }

    private static CloudEvent read(Headers headers, byte[] body) {
        return KafkaMessageFactory.createReader(headers, body).toEvent();
    }

    private static List<String> values(Headers headers, String name) {
        return java.util.stream.StreamSupport.stream(headers.headers(name).spliterator(), false)
                .map(Header::value).map(value -> new String(value, StandardCharsets.UTF_8)).toList();
    }
}
