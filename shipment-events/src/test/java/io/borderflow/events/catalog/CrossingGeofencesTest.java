package io.borderflow.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossingGeofencesTest {

    private final CrossingCatalog catalog = CrossingCatalog.load();
    private final CrossingGeofences geofences = CrossingGeofences.load();

    @Test
    void everyCrossingHasAllThreeZonesInBothDirections() {
        assertThat(geofences.all()).hasSize(catalog.size() * 2);
        for (Crossing crossing : catalog.all()) {
            for (Direction direction : Direction.values()) {
                CrossingGeofences.Zones zones = geofences.of(crossing.id(), direction).orElseThrow();
                assertThat(zones.rings()).containsOnlyKeys(GeofenceZone.values());
            }
        }
    }

    @Test
    void theQueueLiesOnTheDepartureSideOfTheCrossingPointAndTheExitOnTheFarSide() {
        for (Crossing crossing : catalog.all()) {
            double crossingLatitude = crossing.location().latitude();
            CrossingGeofences.Zones northbound = geofences.of(crossing.id(), Direction.NORTHBOUND).orElseThrow();
            CrossingGeofences.Zones southbound = geofences.of(crossing.id(), Direction.SOUTHBOUND).orElseThrow();

            assertThat(meanLatitude(northbound.ring(GeofenceZone.QUEUE))).isLessThan(crossingLatitude);
            assertThat(meanLatitude(northbound.ring(GeofenceZone.EXIT))).isGreaterThan(crossingLatitude);
            assertThat(meanLatitude(southbound.ring(GeofenceZone.QUEUE))).isGreaterThan(crossingLatitude);
            assertThat(meanLatitude(southbound.ring(GeofenceZone.EXIT))).isLessThan(crossingLatitude);
        }
    }

    @Test
    void aDeploymentFileReplacesTheDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("geofences.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[
                 %s,%s,%s]}""".formatted(square("QUEUE", 0), square("PRIMARY_INSPECTION", 1), square("EXIT", 2)));

        CrossingGeofences own = CrossingGeofences.load(file);

        assertThat(own.all()).hasSize(1);
        assertThat(own.of("x-crossing", Direction.NORTHBOUND).orElseThrow().ring(GeofenceZone.EXIT).get(0))
                .isEqualTo(new GeoPoint(2, 0));
    }

    @Test
    void theGeoJsonItWritesReadsBackAsTheSameZones(@TempDir Path dir) throws IOException {
        CrossingGeofences defaults = CrossingGeofences.load();
        Path file = dir.resolve("served.geojson");
        Files.writeString(file, defaults.toGeoJson().toString());

        assertThat(CrossingGeofences.load(file).all()).isEqualTo(defaults.all());
    }

    @Test
    void aCrossingWithAMissingZoneIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("geofences.geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[%s]}""".formatted(square("QUEUE", 0)));

        assertThatThrownBy(() -> CrossingGeofences.load(file)).hasMessageContaining("needs all of");
    }

    private static String square(String zone, int south) {
        return """
                {"type":"Feature","properties":{"crossingId":"x-crossing","direction":"NORTHBOUND","zone":"%s"},
                 "geometry":{"type":"Polygon","coordinates":[[[0,%d],[1,%d],[1,%d],[0,%d],[0,%d]]]}}"""
                .formatted(zone, south, south, south + 1, south + 1, south);
    }

    private static double meanLatitude(List<GeoPoint> ring) {
        return ring.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow();
    }
}
