package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.register;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import io.borderflow.events.PositionReported;
import io.borderflow.events.Topics;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.serde.CheckpointRecordedDeserializer;
import io.borderflow.events.serde.PositionReportedDeserializer;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Positions in through REST, checkpoints out on checkpoints.v1 — on the real broker and PostgreSQL: the endpoint's
 * validation and idempotency, and the geofence derivation end to end (positions.v1 → progress in PostgreSQL →
 * outbox → checkpoints.v1 → the shipment's timeline).
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class PositionResourceTest {

    private static final String ACME = TestTokens.carrier("acme");
    private static final String GLOBEX = TestTokens.carrier("globex");
    private static final GeoPoint CROSSING = CrossingCatalog.load().byId(Api.LAREDO).orElseThrow().location();

    @InjectKafka
    String bootstrap;

    @InjectKafka
    KafkaCompanion companion;

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void aTruckCrossingDerivesItsThreeCheckpointsOnTheCheckpointTopicAndTheTimeline() {
        register(ACME, "SHP-GPS").statusCode(201);
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        // the straight crossing of GeofenceTracksTest: queue from +90 s, primary from +300 s, beyond the exit +510 s
        double[] north = {-3400, -3200, -3000, -2800, -2600, -2400, -1800, -1200, -600, -100, 100, 150, 150, 200,
                600, 900, 1200, 1600, 1900, 2200};
        List<Map<String, Object>> track = new ArrayList<>();
        for (int i = 0; i < north.length; i++) {
            track.add(position(start.plusSeconds(30L * i), north[i], 6.0));
        }
        List<Map<String, Object>> sent = new ArrayList<>(track);
        Collections.shuffle(sent, new Random(5)); // any order: ingest publishes each batch in time order

        as(ACME).body(Map.of("positions", sent)).post("/api/v1/shipments/SHP-GPS/positions").then().statusCode(200)
                .body("accepted", is(north.length)).body("rejected", is(0))
                .body("results.status", everyOne("ACCEPTED", north.length));

        List<PositionReported> published = positionsOf("SHP-GPS");
        assertThat(published).extracting(PositionReported::occurredAt).isSorted().hasSize(north.length);
        assertThat(published.get(0).eventId()).isEqualTo(PositionReported.eventIdOf("SHP-GPS", start));
        assertThat(published.get(0).laneType()).isEqualTo(LaneType.FAST);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(checkpointsOf("SHP-GPS")).hasSize(3));
        List<CheckpointRecorded> derived = checkpointsOf("SHP-GPS");
        assertThat(derived).extracting(CheckpointRecorded::checkpointType).containsExactly(
                CheckpointType.QUEUE_ENTERED, CheckpointType.PRIMARY_INSPECTION, CheckpointType.PORT_EXITED);
        assertThat(derived).extracting(CheckpointRecorded::occurredAt).containsExactly(
                start.plusSeconds(90), start.plusSeconds(300), start.plusSeconds(510));
        assertThat(derived).allSatisfy(checkpoint -> {
            assertThat(checkpoint.source()).isEqualTo(CheckpointSource.GPS_GEOFENCE);
            assertThat(checkpoint.carrierId()).isEqualTo("acme");
            assertThat(checkpoint.crossingId()).isEqualTo(Api.LAREDO);
            assertThat(checkpoint.direction()).isEqualTo(Direction.NORTHBOUND);
            assertThat(checkpoint.laneType()).isEqualTo(LaneType.FAST);
            assertThat(checkpoint.eventId()).isEqualTo(UUID.nameUUIDFromBytes(("gps-geofence/SHP-GPS/" + Api.LAREDO
                    + "/" + checkpoint.checkpointType()).getBytes(StandardCharsets.UTF_8)));
        });
        await().untilAsserted(() -> as(ACME).get("/api/v1/shipments/SHP-GPS/timeline").then().statusCode(200)
                .body("checkpoints.type", is(List.of("QUEUE_ENTERED", "PRIMARY_INSPECTION", "PORT_EXITED")))
                .body("checkpoints.source", everyOne("GPS_GEOFENCE", 3)));
        assertThat(database.count("select count(*) from ingest.geofence_progress where shipment_id = 'SHP-GPS'"))
                .isEqualTo(1);

        // the same batch again: every position a DUPLICATE, nothing published again
        long positionsBefore = TopicContents.endOffsets(bootstrap, Topics.POSITIONS);
        as(ACME).body(Map.of("positions", track)).post("/api/v1/shipments/SHP-GPS/positions").then().statusCode(200)
                .body("accepted", is(north.length)).body("results.status", everyOne("DUPLICATE", north.length));
        assertThat(TopicContents.endOffsets(bootstrap, Topics.POSITIONS)).isEqualTo(positionsBefore);
        assertThat(checkpointsOf("SHP-GPS")).hasSize(3);
    }

    @Test
    void eachBadPositionIsRejectedAloneNamingItsFieldAndOnlyGoodOnesArePublished() {
        register(ACME, "SHP-GPS-BAD").statusCode(201);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> good = position(now.minusSeconds(60), -3400, 5.0);
        Map<String, Object> latitude = position(now.minusSeconds(50), -3300, 5.0);
        latitude.put("latitude", 91);
        Map<String, Object> noTime = position(now.minusSeconds(40), -3300, 5.0);
        noTime.remove("at");
        Map<String, Object> future = position(now.plus(10, ChronoUnit.MINUTES), -3300, 5.0);
        Map<String, Object> old = position(now.minus(8, ChronoUnit.DAYS), -3300, 5.0);
        Map<String, Object> speed = position(now.minusSeconds(30), -3300, 5.0);
        speed.put("speedKph", -1);
        Map<String, Object> heading = position(now.minusSeconds(20), -3300, 5.0);
        heading.put("headingDeg", 360);
        Map<String, Object> accuracy = position(now.minusSeconds(10), -3300, 5.0);
        accuracy.put("accuracyMeters", "good");
        Map<String, Object> sameAgain = new LinkedHashMap<>(good);
        Map<String, Object> elsewhereThen = position(now.minusSeconds(60), -3000, 5.0);

        as(ACME).body(Map.of("positions", List.of(good, latitude, noTime, future, old, speed, heading, accuracy, "x",
                        sameAgain, elsewhereThen)))
                .post("/api/v1/shipments/SHP-GPS-BAD/positions").then().statusCode(200)
                .body("accepted", is(2)).body("rejected", is(9))
                .body("results.status", is(List.of("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "REJECTED",
                        "REJECTED", "REJECTED", "REJECTED", "REJECTED", "DUPLICATE", "REJECTED")))
                .body("results[1].problem.errors.field", hasItem("latitude"))
                .body("results[2].problem.errors.field", hasItem("at"))
                .body("results[3].problem.type", is("https://borderflow.io/problems/occurred-at-out-of-range"))
                .body("results[3].problem.errors.field", hasItem("at"))
                .body("results[4].problem.type", is("https://borderflow.io/problems/occurred-at-out-of-range"))
                .body("results[5].problem.errors.field", hasItem("speedKph"))
                .body("results[6].problem.errors.field", hasItem("headingDeg"))
                .body("results[7].problem.errors.field", hasItem("accuracyMeters"))
                .body("results[8].problem.type", is("https://borderflow.io/problems/invalid-field"))
                .body("results[10].problem.type", is("https://borderflow.io/problems/duplicate-position"))
                .body("results[10].problem.status", is(409));

        assertThat(positionsOf("SHP-GPS-BAD")).extracting(PositionReported::occurredAt)
                .containsExactly(now.minusSeconds(60));
    }

    @Test
    void aBatchThatIsNotTheCallersOrTooLargeOrEmptyIsRefusedWholeAndNothingIsPublished() {
        register(ACME, "SHP-GPS-OWN").statusCode(201);
        long before = TopicContents.endOffsets(bootstrap, Topics.POSITIONS);
        Map<String, Object> ping = position(Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS), 0, 5.0);

        as(GLOBEX).body(Map.of("positions", List.of(ping))).post("/api/v1/shipments/SHP-GPS-OWN/positions").then()
                .statusCode(404).body("type", is("https://borderflow.io/problems/shipment-not-found"));
        as(ACME).body(Map.of("positions", List.of(ping))).post("/api/v1/shipments/SHP-NOWHERE/positions").then()
                .statusCode(404);
        List<Map<String, Object>> tooMany = new ArrayList<>();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 1001; i++) {
            tooMany.add(position(start.plusSeconds(i), -3400, 5.0));
        }
        as(ACME).body(Map.of("positions", tooMany)).post("/api/v1/shipments/SHP-GPS-OWN/positions").then()
                .statusCode(413).body("type", is("https://borderflow.io/problems/batch-too-large"));
        as(ACME).body(Map.of("positions", List.of())).post("/api/v1/shipments/SHP-GPS-OWN/positions").then()
                .statusCode(400).body("type", is("https://borderflow.io/problems/validation"));
        as(TestTokens.operator()).body(Map.of("positions", List.of(ping)))
                .post("/api/v1/shipments/SHP-GPS-OWN/positions").then().statusCode(403);

        assertThat(TopicContents.endOffsets(bootstrap, Topics.POSITIONS)).isEqualTo(before);
    }

    @Test
    void anUnreadablePositionRecordGoesToTheDeadLetterTopicWithItsReasonAndDerivationGoesOn() {
        register(ACME, "SHP-GPS-POISON").statusCode(201);
        byte[] poison = "{\"shipmentId\":\"SHP-GPS-POISON\",\"location\":\"here\"}".getBytes(StandardCharsets.UTF_8);
        companion.produceWithSerializers(StringSerializer.class.getName(), ByteArraySerializer.class.getName())
                .fromRecords(new ProducerRecord<>(Topics.POSITIONS, "SHP-GPS-POISON", poison))
                .awaitCompletion(Duration.ofSeconds(10));
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        as(ACME).body(Map.of("positions", List.of(position(start, -3400, 5.0), position(start.plusSeconds(60), -2900,
                5.0), position(start.plusSeconds(120), -2800, 5.0))))
                .post("/api/v1/shipments/SHP-GPS-POISON/positions").then().statusCode(200).body("accepted", is(3));

        await().untilAsserted(() -> assertThat(TopicContents.read(bootstrap, Topics.deadLetter(Topics.POSITIONS)))
                .hasSize(1));
        ConsumerRecord<String, byte[]> dead = TopicContents.read(bootstrap, Topics.deadLetter(Topics.POSITIONS)).get(0);
        assertThat(dead.value()).isEqualTo(poison);
        assertThat(TopicContents.header(dead, "dead-letter-reason")).hasValueSatisfying(
                reason -> assertThat(reason).contains("PositionReported"));
        assertThat(TopicContents.header(dead, "dead-letter-topic")).contains(Topics.POSITIONS);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(checkpointsOf("SHP-GPS-POISON"))
                .extracting(CheckpointRecorded::checkpointType, CheckpointRecorded::occurredAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CheckpointType.QUEUE_ENTERED,
                        start.plusSeconds(60))));
    }

    private static Map<String, Object> position(Instant at, double northMetres, Double accuracyMeters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", at.toString());
        body.put("latitude", CROSSING.latitude() + northMetres / 110_540);
        body.put("longitude", CROSSING.longitude());
        body.put("speedKph", 20.0);
        body.put("headingDeg", 0.0);
        body.put("accuracyMeters", accuracyMeters);
        return body;
    }

    private List<PositionReported> positionsOf(String shipmentId) {
        PositionReportedDeserializer json = new PositionReportedDeserializer();
        return TopicContents.read(bootstrap, Topics.POSITIONS).stream()
                .filter(record -> shipmentId.equals(record.key()))
                .map(record -> json.deserialize(Topics.POSITIONS, record.value())).toList();
    }

    private List<CheckpointRecorded> checkpointsOf(String shipmentId) {
        CheckpointRecordedDeserializer json = new CheckpointRecordedDeserializer();
        return TopicContents.read(bootstrap, Topics.CHECKPOINTS).stream()
                .filter(record -> shipmentId.equals(record.key()))
                .map(record -> json.deserialize(Topics.CHECKPOINTS, record.value())).toList();
    }

    private static org.hamcrest.Matcher<Object> everyOne(String value, int times) {
        return is(Collections.nCopies(times, value));
    }
}
