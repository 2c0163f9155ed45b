package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.register;
import static io.borderflow.ingest.Api.shipment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import io.borderflow.events.Direction;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.LaneType;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.ShipmentRegistered;
import io.borderflow.events.ShipmentUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventSerializer;
import io.borderflow.events.serde.ShipmentEventDeserializer;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ShipmentResourceTest {

    private static final String ACME = TestTokens.carrier("acme");

    @InjectKafka
    String bootstrap;

    @InjectKafka
    KafkaCompanion companion;

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void registeringAnswers201WithTheShipmentAndWhereItLives() {
        register(ACME, "SHP-NEW").statusCode(201)
                .header("Location", endsWith("/api/v1/shipments/SHP-NEW"))
                .body("shipmentId", is("SHP-NEW"))
                .body("carrierId", is("acme"))
                .body("crossingId", is(Api.LAREDO))
                .body("direction", is("NORTHBOUND"))
                .body("laneType", is("FAST"))
                .body("plannedArrival", is("2026-11-27T18:00:00Z"))
                .body("referenceNumbers.billOfLading", is("BOL-SHP-NEW"))
                .body("revision", is(1));
    }

    @Test
    void anIdenticalRepeatAnswers200WithTheSameShipmentAndPublishesNothingMore() {
        String first = register(ACME, "SHP-TWICE").statusCode(201).extract().asString();

        String again = register(ACME, "SHP-TWICE").statusCode(200).extract().asString();

        assertThat(again).isEqualTo(first);
        await().untilAsserted(() -> assertThat(published("SHP-TWICE")).hasSize(1));
        assertThat(database.count("select count(*) from ingest.outbox where message_key = 'SHP-TWICE'")).isEqualTo(1);
    }

    @Test
    void theSameIdWithDifferentContentAnswers409() {
        register(ACME, "SHP-CONFLICT").statusCode(201);
        Map<String, Object> different = shipment("SHP-CONFLICT");
        different.put("laneType", "STANDARD");

        as(ACME).body(different).post("/api/v1/shipments").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://borderflow.io/problems/shipment-conflict"));
        // another carrier cannot take the id either
        register(TestTokens.carrier("globex"), "SHP-CONFLICT").statusCode(409);
    }

    @Test
    void aRegisteredShipmentIsPublishedToTheShipmentsTopicKeyedByItsId() {
        register(ACME, "SHP-PUB").statusCode(201);

        await().untilAsserted(() -> assertThat(published("SHP-PUB")).hasSize(1));
        ConsumerRecord<String, byte[]> record = published("SHP-PUB").get(0);
        ShipmentEvent event = new ShipmentEventDeserializer().deserialize(Topics.SHIPMENTS, record.value());
        assertThat(event).isInstanceOf(ShipmentRegistered.class);
        assertThat(event.shipmentId()).isEqualTo("SHP-PUB");
        assertThat(event.carrierId()).isEqualTo("acme");
        assertThat(event.crossingId()).isEqualTo(Api.LAREDO);
        assertThat(event.direction()).isEqualTo(Direction.NORTHBOUND);
        assertThat(event.laneType()).isEqualTo(LaneType.FAST);
        assertThat(event.plannedArrival()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
        assertThat(event.referenceNumbers()).containsEntry("billOfLading", "BOL-SHP-PUB");
        assertThat(event.revision()).isEqualTo(1);
        assertThat(TopicContents.header(record, "event-type")).contains("ShipmentRegistered");
        await().untilAsserted(() -> assertThat(database.count(
                "select count(*) from ingest.outbox where message_key = 'SHP-PUB' and sent_at is null")).isZero());
    }

    @Test
    void aPatchChangesTheShipmentAndPublishesShipmentUpdatedWithTheNextRevision() {
        register(ACME, "SHP-PATCH").statusCode(201);

        as(ACME).body(Map.of("laneType", "STANDARD", "plannedArrival", "2026-11-27T19:30:00Z"))
                .patch("/api/v1/shipments/SHP-PATCH").then().statusCode(200)
                .body("laneType", is("STANDARD"))
                .body("plannedArrival", is("2026-11-27T19:30:00Z"))
                .body("referenceNumbers.billOfLading", is("BOL-SHP-PATCH"))
                .body("revision", is(2));
        // nothing changes: no new revision, nothing published
        as(ACME).body(Map.of("laneType", "STANDARD")).patch("/api/v1/shipments/SHP-PATCH").then().statusCode(200)
                .body("revision", is(2));

        await().untilAsserted(() -> assertThat(published("SHP-PATCH")).hasSize(2));
        List<ShipmentEvent> events = published("SHP-PATCH").stream()
                .map(r -> new ShipmentEventDeserializer().deserialize(Topics.SHIPMENTS, r.value())).toList();
        assertThat(events.get(0)).isInstanceOf(ShipmentRegistered.class);
        assertThat(events.get(1)).isInstanceOf(ShipmentUpdated.class);
        assertThat(events.get(1).revision()).isEqualTo(2);
        assertThat(events.get(1).laneType()).isEqualTo(LaneType.STANDARD);
        as(ACME).get("/api/v1/shipments/SHP-PATCH").then().statusCode(200).body("revision", is(2));
    }

    @Test
    void theListFiltersByCrossingPlannedArrivalAndStatusAndPages() {
        String carrier = TestTokens.carrier("listco");
        for (int i = 1; i <= 3; i++) {
            Map<String, Object> body = shipment("SHP-LIST-" + i);
            body.put("plannedArrival", "2026-11-2" + i + "T12:00:00Z");
            as(carrier).body(body).post("/api/v1/shipments").then().statusCode(201);
        }
        Map<String, Object> elsewhere = shipment("SHP-LIST-ELSEWHERE");
        elsewhere.put("crossingId", "otay-mesa");
        as(carrier).body(elsewhere).post("/api/v1/shipments").then().statusCode(201);
        delayReported("SHP-LIST-2", JourneyStatus.QUEUED);

        as(carrier).queryParam("crossingId", Api.LAREDO).get("/api/v1/shipments").then().statusCode(200)
                .body("total", is(3)).body("items.shipmentId", containsInAnyOrder("SHP-LIST-1", "SHP-LIST-2", "SHP-LIST-3"));
        as(carrier).queryParam("crossingId", Api.LAREDO).queryParam("from", "2026-11-22T00:00:00Z")
                .queryParam("to", "2026-11-23T12:00:00Z").get("/api/v1/shipments").then().statusCode(200)
                .body("items.shipmentId", is(List.of("SHP-LIST-2")));
        as(carrier).queryParam("crossingId", Api.LAREDO).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/shipments").then().statusCode(200)
                .body("total", is(3)).body("page", is(1)).body("size", is(2))
                .body("items.shipmentId", is(List.of("SHP-LIST-1")));
        await().untilAsserted(() -> as(carrier).queryParam("status", "QUEUED").get("/api/v1/shipments").then()
                .statusCode(200).body("items.shipmentId", is(List.of("SHP-LIST-2"))));
        as(carrier).queryParam("status", "PLANNED").queryParam("crossingId", Api.LAREDO).get("/api/v1/shipments")
                .then().statusCode(200).body("items.shipmentId", is(List.of("SHP-LIST-3", "SHP-LIST-1")));
    }

    @Test
    void anOperatorReadsAnyCarriersShipment() {
        register(ACME, "SHP-OPS").statusCode(201);

        as(TestTokens.operator()).get("/api/v1/shipments/SHP-OPS").then().statusCode(200).body("carrierId", is("acme"));
    }

    private List<ConsumerRecord<String, byte[]>> published(String shipmentId) {
        return TopicContents.read(bootstrap, Topics.SHIPMENTS).stream()
                .filter(r -> shipmentId.equals(r.key())).toList();
    }

    private void delayReported(String shipmentId, JourneyStatus status) {
        ShipmentDelayUpdated delay = new ShipmentDelayUpdated(UUID.randomUUID(), Instant.now(), 1, shipmentId,
                "listco", Api.LAREDO, Direction.NORTHBOUND, LaneType.FAST, status, null, Instant.now(), Instant.now(),
                null, null, 12.5, 10.0);
        byte[] value = new EventSerializer().serialize(Topics.SHIPMENT_DELAYS, delay);
        companion.produceWithSerializers(StringSerializer.class.getName(),
                        org.apache.kafka.common.serialization.ByteArraySerializer.class.getName())
                .fromRecords(new ProducerRecord<>(Topics.SHIPMENT_DELAYS, shipmentId, value))
                .awaitCompletion(Duration.ofSeconds(10));
    }
}
