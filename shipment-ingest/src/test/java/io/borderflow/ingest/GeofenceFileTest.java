package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.register;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.borderflow.events.GeoPoint;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.support.config.GeofenceFileConfig;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment's geofence file (the setting the analyzer reads too) replaces the defaults: World Trade Bridge's
 * northbound queue made 1.5 km long instead of 3 km, the same truck joins the queue later.
 */
@QuarkusTest
@TestProfile(GeofenceFileTest.ShortQueue.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class GeofenceFileTest {

    private static final String ACME = TestTokens.carrier("acme");
    private static final GeoPoint CROSSING = CrossingCatalog.load().byId(Api.LAREDO).orElseThrow().location();
    private static final double METRES_PER_DEGREE_LATITUDE = 110_540;

    public static class ShortQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempFile("geofences", ".geojson");
                file.toFile().deleteOnExit();
                Files.writeString(file, """
                        {"type":"FeatureCollection","features":[%s,%s,%s]}""".formatted(
                        band("QUEUE", -1500, 0), band("PRIMARY_INSPECTION", 0, 400), band("EXIT", 400, 1500)));
                return Map.of(GeofenceFileConfig.FILE, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theTruckJoinsTheQueueWhereTheDeploymentsFileSaysNotWhereTheDefaultsDo() {
        register(ACME, "SHP-GPS-FILE").statusCode(201);
        Instant start = Instant.now().minus(20, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        // PositionResourceTest's straight crossing: with the defaults (queue from 3 km south) queue at +90 s; here
        // the first ping inside the 1.5 km queue is the 8th, at +210 s
        double[] north = {-3400, -3200, -3000, -2800, -2600, -2400, -1800, -1200, -600, -100, 100, 150, 150, 200,
                600, 900, 1200, 1600, 1900, 2200};
        List<Map<String, Object>> track = new ArrayList<>();
        for (int i = 0; i < north.length; i++) {
            Map<String, Object> ping = new LinkedHashMap<>();
            ping.put("at", start.plusSeconds(30L * i).toString());
            ping.put("latitude", CROSSING.latitude() + north[i] / METRES_PER_DEGREE_LATITUDE);
            ping.put("longitude", CROSSING.longitude());
            ping.put("accuracyMeters", 6.0);
            track.add(ping);
        }
        as(ACME).body(Map.of("positions", track)).post("/api/v1/shipments/SHP-GPS-FILE/positions").then()
                .statusCode(200).body("accepted", is(north.length));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ACME)
                .get("/api/v1/shipments/SHP-GPS-FILE/timeline").then().statusCode(200)
                .body("checkpoints.type", is(List.of("QUEUE_ENTERED", "PRIMARY_INSPECTION", "PORT_EXITED")))
                .body("checkpoints.occurredAt", is(List.of(start.plusSeconds(210).toString(),
                        start.plusSeconds(300).toString(), start.plusSeconds(510).toString()))));
    }

    /** A 1.2 km wide band across the approach from {@code southMetres} to {@code northMetres} of the crossing. */
    private static String band(String zone, double southMetres, double northMetres) {
        double halfWidth = 600 / (111_320 * Math.cos(Math.toRadians(CROSSING.latitude())));
        double west = CROSSING.longitude() - halfWidth;
        double east = CROSSING.longitude() + halfWidth;
        double south = CROSSING.latitude() + southMetres / METRES_PER_DEGREE_LATITUDE;
        double north = CROSSING.latitude() + northMetres / METRES_PER_DEGREE_LATITUDE;
        return """
                {"type":"Feature","properties":{"crossingId":"%s","direction":"NORTHBOUND","zone":"%s"},
                 "geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}"""
                .formatted(Api.LAREDO, zone, west, south, east, south, east, north, west, north, west, south);
    }
}
