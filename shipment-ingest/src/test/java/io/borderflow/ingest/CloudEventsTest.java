package io.borderflow.ingest;

import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.postCheckpoint;
import static io.borderflow.ingest.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.CheckpointRecordedDeserializer;
import io.borderflow.events.serde.ShipmentEventDeserializer;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A CloudEvents consumer (the SDK's Kafka binding, binary mode) reads ingest's records as the events they are:
 * a checkpoint sent straight to checkpoints.v1 and a shipment relayed from the outbox to shipments.v1. The
 * dead-letter case: CheckpointResourceTest.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CloudEventsTest {

    private static final String ACME = TestTokens.carrier("acme");
    private static final URI INGEST = URI.create("/borderflow/shipment-ingest");

    @InjectKafka
    String bootstrap;

    @Test
    void aCheckpointOnTheTopicIsACloudEventWithItsIdTypeTimeAndUnchangedBody() {
        register(ACME, "SHP-CE-1").statusCode(201);
        UUID eventId = UUID.randomUUID();
        postCheckpoint(ACME, "SHP-CE-1", checkpoint(eventId, "QUEUE_ENTERED", 4)).statusCode(202);

        ConsumerRecord<String, byte[]> record = only(Topics.CHECKPOINTS, eventId.toString());
        CheckpointRecorded checkpoint = new CheckpointRecordedDeserializer().deserialize(Topics.CHECKPOINTS, record.value());
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(eventId.toString());
        assertThat(event.getType()).isEqualTo("mx.borderflow.CheckpointRecorded.v1");
        assertThat(event.getSource()).isEqualTo(INGEST);
        assertThat(event.getTime().toInstant()).isEqualTo(checkpoint.occurredAt());
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).isEqualTo(record.value());
    }

    @Test
    void aShipmentRelayedFromTheOutboxIsACloudEventOfItsOwnType() {
        register(ACME, "SHP-CE-2").statusCode(201);

        ConsumerRecord<String, byte[]> record = only(Topics.SHIPMENTS, "SHP-CE-2");
        ShipmentEvent shipment = new ShipmentEventDeserializer().deserialize(Topics.SHIPMENTS, record.value());
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();

        assertThat(event.getId()).isEqualTo(shipment.eventId().toString());
        assertThat(event.getType()).isEqualTo("mx.borderflow.ShipmentRegistered.v1");
        assertThat(event.getSource()).isEqualTo(INGEST);
        assertThat(event.getTime().toInstant()).isEqualTo(shipment.occurredAt());
        assertThat(event.getData().toBytes()).isEqualTo(record.value());
        assertThat(TopicContents.header(record, "event-type")).as("the outbox's own headers stay")
                .contains("ShipmentRegistered");
    }

    private ConsumerRecord<String, byte[]> only(String topic, String mentioned) {
        return await().until(() -> TopicContents.read(bootstrap, topic).stream()
                .filter(record -> TopicContents.value(record).contains(mentioned)).toList(),
                records -> records.size() == 1).get(0);
    }
}
