package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.batchItem;
import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.postCheckpoint;
import static io.borderflow.ingest.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.LaneType;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.CheckpointRecordedDeserializer;
import io.borderflow.events.serde.EventSerializer;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class CheckpointResourceTest {

    private static final String ACME = TestTokens.carrier("acme");
    private static final String GLOBEX = TestTokens.carrier("globex");

    @InjectKafka
    String bootstrap;

    @InjectKafka
    KafkaCompanion companion;

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void anAcceptedCheckpointIsOnTheTopicKeyedByShipmentAndStampedWithTheShipment() {
        register(ACME, "SHP-STAMP").statusCode(201);
        UUID eventId = UUID.randomUUID();
        Map<String, Object> body = checkpoint(eventId, "QUEUE_ENTERED", 3);
        body.put("location", Map.of("latitude", 27.5991, "longitude", -99.5361));

        postCheckpoint(ACME, "SHP-STAMP", body).statusCode(202)
                .body("eventId", is(eventId.toString()))
                .body("shipmentId", is("SHP-STAMP"))
                .body("status", is("ACCEPTED"));

        ConsumerRecord<String, byte[]> record = onTopic(eventId).get(0);
        CheckpointRecorded event = new CheckpointRecordedDeserializer().deserialize(Topics.CHECKPOINTS, record.value());
        assertThat(record.key()).isEqualTo("SHP-STAMP");
        assertThat(event.carrierId()).isEqualTo("acme");
        assertThat(event.crossingId()).isEqualTo(Api.LAREDO);
        assertThat(event.direction()).isEqualTo(Direction.NORTHBOUND);
        assertThat(event.laneType()).isEqualTo(LaneType.FAST);
        assertThat(event.checkpointType()).isEqualTo(CheckpointType.QUEUE_ENTERED);
        assertThat(event.source()).isEqualTo(CheckpointSource.RFID);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse((String) body.get("occurredAt")));
        assertThat(event.location()).isEqualTo(new GeoPoint(27.5991, -99.5361));
        assertThat(event.recordedAt()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    }

    @Test
    void aLaneChangeIsStampedOnTheCheckpointsThatFollowIt() {
        register(ACME, "SHP-LANE").statusCode(201);
        as(ACME).body(Map.of("laneType", "STANDARD")).patch("/api/v1/shipments/SHP-LANE").then().statusCode(200);
        UUID eventId = UUID.randomUUID();

        postCheckpoint(ACME, "SHP-LANE", checkpoint(eventId, "QUEUE_ENTERED", 1)).statusCode(202);

        CheckpointRecorded event = new CheckpointRecordedDeserializer()
                .deserialize(Topics.CHECKPOINTS, onTopic(eventId).get(0).value());
        assertThat(event.laneType()).isEqualTo(LaneType.STANDARD);
    }

    @Test
    void anIdenticalRepeatIsDuplicateAndNotPublishedAgain() {
        register(ACME, "SHP-DUP").statusCode(201);
        UUID eventId = UUID.randomUUID();
        Map<String, Object> body = checkpoint(eventId, "QUEUE_ENTERED", 2);
        postCheckpoint(ACME, "SHP-DUP", body).statusCode(202).body("status", is("ACCEPTED"));
        long before = TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS);

        postCheckpoint(ACME, "SHP-DUP", body).statusCode(202).body("status", is("DUPLICATE"));

        assertThat(TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS)).isEqualTo(before);
        assertThat(onTopic(eventId)).hasSize(1);
    }

    @Test
    void anEventIdKnownOnlyToTheReadModelIsRecognisedAsDuplicateOrConflict() throws Exception {
        register(ACME, "SHP-ELSEWHERE").statusCode(201);
        // accepted by another instance (or before a restart): only the read model table knows it
        UUID eventId = UUID.randomUUID();
        Instant occurredAt = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = database.connect(); PreparedStatement insert = connection.prepareStatement(
                "insert into ingest.checkpoint values (?, 'SHP-ELSEWHERE', 'acme', 'QUEUE_ENTERED', ?, 'RFID', null,"
                        + " null, now())")) {
            insert.setObject(1, eventId);
            insert.setTimestamp(2, Timestamp.from(occurredAt));
            insert.executeUpdate();
        }
        Map<String, Object> same = checkpoint(eventId, "QUEUE_ENTERED", 0);
        same.put("occurredAt", occurredAt.toString());
        Map<String, Object> different = new LinkedHashMap<>(same);
        different.put("type", "PORT_EXITED");
        long before = TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS);

        postCheckpoint(ACME, "SHP-ELSEWHERE", same).statusCode(202).body("status", is("DUPLICATE"));
        postCheckpoint(ACME, "SHP-ELSEWHERE", different).statusCode(409)
                .body("type", is("https://borderflow.io/problems/duplicate-event"));

        assertThat(TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS)).isEqualTo(before);
    }

    @Test
    void aMixedBatchPublishesExactlyItsValidEvents() {
        register(ACME, "SHP-BATCH").statusCode(201);
        register(GLOBEX, "SHP-GLOBEX-BATCH").statusCode(201);
        UUID queued = UUID.randomUUID();
        UUID inspected = UUID.randomUUID();
        UUID exited = UUID.randomUUID();
        List<Object> events = new ArrayList<>();
        events.add(batchItem("SHP-BATCH", queued, "QUEUE_ENTERED", 50));              // 0 valid
        events.add(batchItem("SHP-NOWHERE", UUID.randomUUID(), "QUEUE_ENTERED", 5));  // 1 unknown shipment
        events.add(batchItem("SHP-GLOBEX-BATCH", UUID.randomUUID(), "QUEUE_ENTERED", 5)); // 2 another carrier's
        Map<String, Object> badType = batchItem("SHP-BATCH", UUID.randomUUID(), "QUEUE_ENTERED", 5);
        badType.put("type", "TELEPORTED");
        events.add(badType);                                                          // 3 unknown enum value
        events.add(batchItem("SHP-BATCH", UUID.randomUUID(), "PORT_EXITED", -60));    // 4 an hour in the future
        Map<String, Object> noSource = batchItem("SHP-BATCH", UUID.randomUUID(), "QUEUE_ENTERED", 5);
        noSource.remove("source");
        events.add(noSource);                                                         // 5 missing field
        events.add(batchItem("SHP-BATCH", inspected, "PRIMARY_INSPECTION", 20));     // 6 valid
        events.add(batchItem("SHP-BATCH", queued, "QUEUE_ENTERED", 50));              // 7 same as 0: duplicate
        events.add(batchItem("SHP-BATCH", queued, "PORT_EXITED", 1));                 // 8 eventId of 0, other content
        events.add("not an event");                                                   // 9 not an object
        events.add(batchItem("SHP-BATCH", exited, "PORT_EXITED", 1));                 // 10 valid
        long before = TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS);

        as(ACME).body(Map.of("events", events)).post("/api/v1/checkpoints/batch").then().statusCode(200)
                .body("accepted", is(4))
                .body("rejected", is(7))
                .body("results.status", is(List.of("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "ACCEPTED", "DUPLICATE", "REJECTED", "REJECTED", "ACCEPTED")))
                .body("results.index", is(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)))
                .body("results[0].eventId", is(queued.toString()))
                .body("results[0].shipmentId", is("SHP-BATCH"))
                .body("results[0].problem", nullValue())
                .body("results[1].problem.type", is("https://borderflow.io/problems/shipment-not-found"))
                .body("results[2].problem.type", is("https://borderflow.io/problems/shipment-not-found"))
                .body("results[3].problem.type", is("https://borderflow.io/problems/unknown-value"))
                .body("results[4].problem.type", is("https://borderflow.io/problems/occurred-at-out-of-range"))
                .body("results[5].problem.type", is("https://borderflow.io/problems/validation"))
                .body("results[5].problem.errors[0].field", is("source"))
                .body("results[8].problem.type", is("https://borderflow.io/problems/duplicate-event"))
                .body("results[9].problem.type", is("https://borderflow.io/problems/invalid-field"));

        List<ConsumerRecord<String, byte[]>> all = TopicContents.read(bootstrap, Topics.CHECKPOINTS);
        assertThat(TopicContents.endOffsets(bootstrap, Topics.CHECKPOINTS) - before).isEqualTo(3);
        assertThat(all.stream().filter(r -> r.key().equals("SHP-BATCH"))
                .map(r -> new CheckpointRecordedDeserializer().deserialize(Topics.CHECKPOINTS, r.value()).eventId()))
                .containsExactlyInAnyOrder(queued, inspected, exited);
    }

    @Test
    void theTimelineListsCheckpointsInEventTimeOrderWhateverTheirArrivalOrder() {
        register(ACME, "SHP-TIMELINE").statusCode(201);
        UUID queued = UUID.randomUUID();
        UUID inspected = UUID.randomUUID();
        UUID exited = UUID.randomUUID();
        // the exit arrives first, the queue entry last
        postCheckpoint(ACME, "SHP-TIMELINE", checkpoint(exited, "PORT_EXITED", 10)).statusCode(202);
        postCheckpoint(ACME, "SHP-TIMELINE", checkpoint(inspected, "PRIMARY_INSPECTION", 30)).statusCode(202);
        postCheckpoint(ACME, "SHP-TIMELINE", checkpoint(queued, "QUEUE_ENTERED", 90)).statusCode(202);

        await().untilAsserted(() -> as(ACME).get("/api/v1/shipments/SHP-TIMELINE/timeline").then().statusCode(200)
                .body("shipmentId", is("SHP-TIMELINE"))
                .body("carrierId", is("acme"))
                .body("crossingId", is(Api.LAREDO))
                .body("direction", is("NORTHBOUND"))
                .body("laneType", is("FAST"))
                .body("checkpoints.eventId", is(List.of(queued.toString(), inspected.toString(), exited.toString())))
                .body("checkpoints.type", is(List.of("QUEUE_ENTERED", "PRIMARY_INSPECTION", "PORT_EXITED")))
                .body("delay", nullValue()));
    }

    @Test
    void theTimelineShowsTheNewestDelayStatusByEventTime() {
        register(ACME, "SHP-DELAY").statusCode(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        produceDelay(delay("SHP-DELAY", JourneyStatus.IN_INSPECTION, now, 49.0, null, 39.0));
        // an older report arriving later does not overwrite the newer one
        produceDelay(delay("SHP-DELAY", JourneyStatus.QUEUED, now.minus(30, ChronoUnit.MINUTES), null, null, 5.0));

        await().untilAsserted(() -> as(TestTokens.operator()).get("/api/v1/shipments/SHP-DELAY/timeline").then()
                .statusCode(200)
                .body("delay.status", is("IN_INSPECTION"))
                .body("delay.waitMinutes", is(49.0f))
                .body("delay.crossingMinutes", nullValue())
                .body("delay.delayMinutes", is(39.0f))
                .body("delay.updatedAt", is(now.toString())));
        assertThat(database.count("select count(*) from ingest.shipment_delay where shipment_id = 'SHP-DELAY'"))
                .isEqualTo(1);
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndConsumptionGoesOn() {
        register(ACME, "SHP-POISON").statusCode(201);
        byte[] poison = "{\"eventId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8);
        companion.produceWithSerializers(StringSerializer.class.getName(), ByteArraySerializer.class.getName())
                .fromRecords(new ProducerRecord<>(Topics.CHECKPOINTS, "SHP-POISON", poison))
                .awaitCompletion(Duration.ofSeconds(10));
        UUID after = UUID.randomUUID();
        postCheckpoint(ACME, "SHP-POISON", checkpoint(after, "QUEUE_ENTERED", 1)).statusCode(202);

        await().untilAsserted(() -> assertThat(TopicContents.read(bootstrap, Topics.deadLetter(Topics.CHECKPOINTS)))
                .hasSize(1));
        ConsumerRecord<String, byte[]> dead = TopicContents.read(bootstrap, Topics.deadLetter(Topics.CHECKPOINTS)).get(0);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(dead.key()).isEqualTo("SHP-POISON");
        assertThat(TopicContents.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("invalid CheckpointRecorded"));
        assertThat(TopicContents.header(dead, "dead-letter-topic")).contains(Topics.CHECKPOINTS);
        // no event to describe: a CloudEvent of its own, named by where the original was read
        CloudEvent described = KafkaMessageFactory.createReader(dead).toEvent();
        assertThat(described.getType()).isEqualTo("mx.borderflow.DeadLetter.v1");
        assertThat(described.getId()).isEqualTo(Topics.CHECKPOINTS + "/" + TopicContents.header(dead,
                "dead-letter-partition").orElseThrow() + "/" + TopicContents.header(dead, "dead-letter-offset").orElseThrow());
        assertThat(described.getSource()).isEqualTo(URI.create("/borderflow/shipment-ingest"));
        assertThat(described.getData().toBytes()).isEqualTo(poison);
        await().untilAsserted(() -> as(ACME).get("/api/v1/shipments/SHP-POISON/timeline").then().statusCode(200)
                .body("checkpoints.eventId", is(List.of(after.toString()))));
    }

    @Test
    void metricsCountAcceptedAndRejectedEventsByReasonAndCarrierAndTimeBrokerAcknowledgements() {
        register(ACME, "SHP-METRICS").statusCode(201);
        postCheckpoint(ACME, "SHP-METRICS", checkpoint(UUID.randomUUID(), "QUEUE_ENTERED", 1)).statusCode(202);
        postCheckpoint(ACME, "SHP-METRICS", checkpoint(UUID.randomUUID(), "QUEUE_ENTERED", 60 * 24 * 8))
                .statusCode(400);

        as(null).get("/q/metrics").then().statusCode(200)
                .body(containsString("borderflow_ingest_checkpoints_total{carrier=\"acme\",outcome=\"accepted\",reason=\"none\"}"))
                .body(containsString("borderflow_ingest_checkpoints_total{carrier=\"acme\",outcome=\"rejected\","
                        + "reason=\"occurred-at-out-of-range\"}"))
                .body(containsString("borderflow_ingest_broker_ack_seconds_count"))
                .body(containsString("borderflow_ingest_outbox_backlog"));
    }

    private List<ConsumerRecord<String, byte[]>> onTopic(UUID eventId) {
        return TopicContents.read(bootstrap, Topics.CHECKPOINTS).stream()
                .filter(r -> TopicContents.value(r).contains(eventId.toString())).toList();
    }

    private static ShipmentDelayUpdated delay(String shipmentId, JourneyStatus status, Instant at, Double wait,
            Double crossing, Double delay) {
        return new ShipmentDelayUpdated(UUID.randomUUID(), at, 1, shipmentId, "acme", Api.LAREDO,
                Direction.NORTHBOUND, LaneType.FAST, status, CheckpointType.PRIMARY_INSPECTION, at,
                at.minus(49, ChronoUnit.MINUTES), wait, crossing, delay, 10.0);
    }

    private void produceDelay(ShipmentDelayUpdated delay) {
        companion.produceWithSerializers(StringSerializer.class.getName(), ByteArraySerializer.class.getName())
                .fromRecords(new ProducerRecord<>(Topics.SHIPMENT_DELAYS, delay.shipmentId(),
                        new EventSerializer().serialize(Topics.SHIPMENT_DELAYS, delay)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
