package io.borderflow.analyzer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.KafkaClients;
import io.borderflow.analyzer.StreamsStateResource;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.ShipmentRegistered;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventSerializer;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Checkpoints on the broker → live statistics → advice over REST. Two crossings no other test of this module uses:
 * Eagle Pass, nearer but with a four-hour queue, and Del Rio, farther with a 10-minute one. Commercial hours are
 * ignored here (they are the unit tests' subject), so the outcome does not depend on the hour the test runs at.
 */
@QuarkusTest
@TestProfile(AdviceEndToEndTest.AlwaysOpen.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
class AdviceEndToEndTest {

    private static final String EAGLE_PASS = "eagle-pass-camino-real";
    private static final String DEL_RIO = "del-rio";
    /** South of Piedras Negras, Coahuila, and San Antonio, Texas. */
    private static final String FROM = "28.35,-100.85";
    private static final String TO = "29.4241,-98.4936";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @InjectKafka
    String bootstrap;

    public static class AlwaysOpen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("borderflow.analyzer.advice.always-open", "true");
        }
    }

    @Test
    void everyCrossingIsRankedByExpectedDoorToDoorTimeWithItsParts() {
        Instant now = Instant.now();
        Checkpoints eaglePass = Checkpoints.at(EAGLE_PASS, Direction.NORTHBOUND, LaneType.STANDARD);
        Checkpoints delRio = Checkpoints.at(DEL_RIO, Direction.NORTHBOUND, LaneType.STANDARD);
        List<CheckpointRecorded> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.addAll(CrossingDelaysEndToEndTest.journey(eaglePass, "ADV-EP-" + i, now, 260 + i, 20 + i, 10 + i));
            events.addAll(CrossingDelaysEndToEndTest.journey(delRio, "ADV-DR-" + i, now, 40 + i, 30 + i, 20 + i));
        }
        KafkaClients.send(bootstrap, events);

        // ranked once every journey is measured: a series publishes as soon as its first queue entry is read
        JsonPath advice = await().atMost(WAIT).until(() -> advice(Map.of("from", FROM, "to", TO)),
                json -> json.get(item(EAGLE_PASS) + ".rank") != null && json.get(item(DEL_RIO) + ".rank") != null
                        && Integer.valueOf(3).equals(json.get(item(EAGLE_PASS) + ".parts.expectedWait.liveSamples"))
                        && Integer.valueOf(3).equals(json.get(item(DEL_RIO) + ".parts.expectedWait.liveSamples")));

        List<String> order = advice.getList("crossings.crossingId");
        assertThat(order).hasSize(22);
        assertThat(order.indexOf(DEL_RIO)).isLessThan(order.indexOf(EAGLE_PASS));
        assertThat(advice.getInt(item(DEL_RIO) + ".rank")).isLessThan(advice.getInt(item(EAGLE_PASS) + ".rank"));
        // the nearer crossing is nearer, and loses on its wait
        assertThat(advice.getDouble(item(EAGLE_PASS) + ".parts.driveToCrossing.minutes"))
                .isLessThan(advice.getDouble(item(DEL_RIO) + ".parts.driveToCrossing.minutes"));
        assertThat(advice.getDouble(item(EAGLE_PASS) + ".parts.expectedWait.minutes")).isGreaterThanOrEqualTo(240.0);

        String delRioItem = item(DEL_RIO);
        double waitMinutes = advice.getDouble(delRioItem + ".parts.expectedWait.minutes");
        assertThat(waitMinutes).isCloseTo(10.0, within(1.0));
        assertThat(advice.getString(delRioItem + ".parts.expectedWait.source")).isIn("LIVE", "LIVE_AND_PROFILE");
        assertThat(advice.getInt(delRioItem + ".parts.expectedWait.liveSamples")).isEqualTo(3);
        assertThat(advice.getString(delRioItem + ".parts.expectedWait.confidence")).isEqualTo("LOW");
        assertThat(advice.getString(delRioItem + ".parts.driveToCrossing.source")).isEqualTo("GREAT_CIRCLE");
        assertThat(advice.getString(delRioItem + ".commercialHours"))
                .isEqualTo("weekdays 8-20, saturday 10-14, sunday closed");
        assertThat(advice.getDouble(delRioItem + ".parts.waitForOpening.minutes")).isZero();
        double total = advice.getDouble(delRioItem + ".parts.driveToCrossing.minutes")
                + advice.getDouble(delRioItem + ".parts.waitForOpening.minutes") + waitMinutes
                + advice.getDouble(delRioItem + ".parts.crossingTime.minutes")
                + advice.getDouble(delRioItem + ".parts.driveToDestination.minutes");
        assertThat(advice.getDouble(delRioItem + ".totalMinutes")).isCloseTo(total, within(1e-6));
        assertThat(advice.getDouble(delRioItem + ".parts.crossingTime.minutes")).isCloseTo(10.0, within(1.0));

        // a crossing nobody measured has no total and no rank: never a wait of 0
        assertThat(advice.<Object>get(item("tecate") + ".rank")).isNull();
        assertThat(advice.<Object>get(item("tecate") + ".totalMinutes")).isNull();
        assertThat(advice.getList(item("tecate") + ".flags")).contains("NO_WAIT_DATA");

        // FAST: neither crossing has FAST lanes
        JsonPath fast = advice(Map.of("from", FROM, "to", TO, "laneType", "FAST"));
        assertThat(fast.getString(item(EAGLE_PASS) + ".excludedBecause")).isEqualTo("NO_FAST_LANES");
        assertThat(fast.<Object>get(item(DEL_RIO) + ".rank")).isNull();

        // a carrier may ask too
        given().auth().oauth2(TestTokens.carrier("acme")).queryParams(Map.of("from", FROM, "to", TO))
                .get("/api/v1/advice").then().statusCode(200);
    }

    @Test
    void aCarrierGetsAdviceForItsOwnShipmentOnly() {
        Instant plannedArrival = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ShipmentRegistered shipment = new ShipmentRegistered(UUID.randomUUID(), Instant.now(),
                ShipmentRegistered.SCHEMA_VERSION, "ADV-SHP-1", "acme", DEL_RIO, Direction.NORTHBOUND, LaneType.FAST,
                plannedArrival, Map.of(), 1);
        KafkaClients.sendRaw(bootstrap, List.of(new ProducerRecord<>(Topics.SHIPMENTS, shipment.shipmentId(),
                new EventSerializer().serialize(Topics.SHIPMENTS, shipment))));
        String path = "/api/v1/shipments/ADV-SHP-1/advice";
        Map<String, String> route = Map.of("from", FROM, "to", TO);

        JsonPath advice = await().atMost(WAIT).until(() -> given().auth().oauth2(TestTokens.carrier("acme"))
                .queryParams(route).get(path), response -> response.statusCode() == 200).then().extract().jsonPath();

        // the shipment's direction and lane type; leaving in time to reach Del Rio at the planned arrival
        assertThat(advice.getString("shipmentId")).isEqualTo("ADV-SHP-1");
        assertThat(advice.getString("plannedCrossingId")).isEqualTo(DEL_RIO);
        assertThat(advice.getString("laneType")).isEqualTo("FAST");
        assertThat(advice.getString(item(DEL_RIO) + ".excludedBecause")).isEqualTo("NO_FAST_LANES");
        Instant delRioArrival = Instant.parse(advice.getString(item(DEL_RIO) + ".arrivalAt"));
        assertThat(Duration.between(delRioArrival, plannedArrival).abs()).isLessThan(Duration.ofSeconds(1));

        // another carrier's shipment is not found; operators read every shipment
        given().auth().oauth2(TestTokens.carrier("other")).queryParams(route).get(path).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("https://borderflow.io/problems/shipment-not-found"));
        given().auth().oauth2(TestTokens.operator()).queryParams(route).get(path).then().statusCode(200);
        given().auth().oauth2(TestTokens.carrier("acme")).queryParams(route).get("/api/v1/shipments/NOPE/advice")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.carrier("acme")).queryParams(Map.of("from", FROM, "to", FROM)).get(path)
                .then().statusCode(400).body("errors.field", hasItem("to"));
    }

    @Test
    void badInputIsAProblemNamingTheParameter() {
        assertBad(Map.of("from", "95,-100", "to", TO), "from");
        assertBad(Map.of("from", FROM, "to", "29.4,-181"), "to");
        assertBad(Map.of("from", "somewhere", "to", TO), "from");
        assertBad(Map.of("to", TO), "from");
        assertBad(Map.of("from", FROM, "to", FROM), "to");
        assertBad(Map.of("from", FROM, "to", TO, "laneType", "EXPRESS"), "laneType");
        assertBad(Map.of("from", FROM, "to", TO, "direction", "EASTBOUND"), "direction");
        assertBad(Map.of("from", FROM, "to", TO, "departAt", "2020-01-01T00:00:00Z"), "departAt");
        assertBad(Map.of("from", FROM, "to", TO, "departAt", "tomorrow"), "departAt");
        given().queryParams(Map.of("from", FROM, "to", TO)).get("/api/v1/advice").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private static void assertBad(Map<String, String> params, String parameter) {
        given().auth().oauth2(TestTokens.operator()).queryParams(params).get("/api/v1/advice").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", is("https://borderflow.io/problems/invalid-query"))
                .body("errors.field", hasItem(parameter));
    }

    private static String item(String crossingId) {
        return "crossings.find { it.crossingId == '" + crossingId + "' }";
    }

    private static JsonPath advice(Map<String, String> params) {
        // read as doubles (JsonPath's default is float), so the parts add up to the total exactly enough
        return given().auth().oauth2(TestTokens.operator()).queryParams(params).get("/api/v1/advice").then()
                .statusCode(200).extract().jsonPath().using(new JsonPathConfig(NumberReturnType.DOUBLE));
    }
}
