package io.borderflow.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.events.catalog.GeofenceZone;
import io.borderflow.simulator.delivery.Delivery;
import io.borderflow.simulator.delivery.DeliveryPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GpsTracksTest {

    private static final Instant QUEUED = Instant.parse("2026-07-07T14:00:00Z");
    private static final CrossingGeofences GEOFENCES = CrossingGeofences.load();

    @Test
    void aTruckIsInEachZoneRightAfterItsCheckpointAndBeyondTheExitAfterLeaving() {
        for (Direction direction : Direction.values()) {
            Journey journey = journey("laredo-world-trade-bridge", direction);
            List<Journey.Position> track = new GpsTracks(GEOFENCES).track(journey, new Random(1));
            CrossingGeofences.Zones zones = GEOFENCES.of("laredo-world-trade-bridge", direction).orElseThrow();

            assertThat(track).extracting(Journey.Position::at).isSorted();
            assertThat(track.get(0).at()).isEqualTo(QUEUED.minus(Duration.ofMinutes(3)));
            assertThat(inside(zones.ring(GeofenceZone.QUEUE), near(track, QUEUED.plusSeconds(300)))).isTrue();
            assertThat(inside(zones.ring(GeofenceZone.PRIMARY_INSPECTION), near(track, QUEUED.plusSeconds(2430))))
                    .isTrue();
            assertThat(inside(zones.ring(GeofenceZone.EXIT), near(track, QUEUED.plusSeconds(2700)))).isTrue();
            GeoPoint after = track.get(track.size() - 1).location();
            assertThat(zones.rings().values()).noneMatch(ring -> inside(ring, after));
        }
    }

    @Test
    void aShareOfCarriersSpreadOverTheListReportsGpsWithUploadsOfTwoMinutesInsteadOfCheckpoints() {
        List<String> carriers = TrafficSettings.DEFAULT_CARRIERS;
        DeliveryPlanner.GpsReporting quarter = DeliveryPlanner.GpsReporting.share(new GpsTracks(GEOFENCES), carriers,
                0.25);
        assertThat(quarter.carriers()).containsExactlyInAnyOrder(carriers.get(3), carriers.get(7));

        DeliveryPlanner.GpsReporting all = DeliveryPlanner.GpsReporting.share(new GpsTracks(GEOFENCES), carriers, 1);
        List<Delivery> deliveries = new DeliveryPlanner(Imperfections.NONE, 1, QUEUED.minus(Duration.ofHours(1)), all)
                .plan(journey("laredo-world-trade-bridge", Direction.NORTHBOUND));

        assertThat(deliveries.get(0).isRegistration()).isTrue();
        assertThat(deliveries.subList(1, deliveries.size())).isNotEmpty().allSatisfy(upload -> {
            assertThat(upload.isPositions()).isTrue();
            assertThat(upload.positions()).hasSizeBetween(1, 5);
            assertThat(upload.due()).isEqualTo(upload.positions().get(upload.positions().size() - 1).at());
        });
        int pings = deliveries.stream().skip(1).mapToInt(d -> d.positions().size()).sum();
        assertThat(pings).isEqualTo(new GpsTracks(GEOFENCES).track(journey("laredo-world-trade-bridge",
                Direction.NORTHBOUND), new Random(1)).size());
    }

    /** Queue 40 min, primary at 40 min, exit at 50 min. */
    private static Journey journey(String crossingId, Direction direction) {
        Journey.Shipment shipment = new Journey.Shipment("SHP-GPS", TrafficSettings.DEFAULT_CARRIERS.get(0),
                crossingId, direction, LaneType.STANDARD, QUEUED, Map.of());
        return new Journey(shipment, QUEUED.minus(Duration.ofHours(1)), List.of(
                checkpoint(CheckpointType.QUEUE_ENTERED, 0),
                checkpoint(CheckpointType.PRIMARY_INSPECTION, 40),
                checkpoint(CheckpointType.PORT_EXITED, 50)), false);
    }

    private static Journey.Checkpoint checkpoint(CheckpointType type, int minutes) {
        return new Journey.Checkpoint(UUID.randomUUID(), type, QUEUED.plus(Duration.ofMinutes(minutes)),
                CheckpointSource.CARRIER_APP, null);
    }

    private static GeoPoint near(List<Journey.Position> track, Instant at) {
        return track.stream().filter(p -> !p.at().isBefore(at)).filter(p -> p.accuracyMeters() < 100).findFirst()
                .orElseThrow().location();
    }

    private static boolean inside(List<GeoPoint> ring, GeoPoint point) {
        boolean inside = false;
        for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            GeoPoint a = ring.get(i);
            GeoPoint b = ring.get(j);
            if ((a.latitude() > point.latitude()) != (b.latitude() > point.latitude())
                    && point.longitude() < (b.longitude() - a.longitude()) * (point.latitude() - a.latitude())
                    / (b.latitude() - a.latitude()) + a.longitude()) {
                inside = !inside;
            }
        }
        return inside;
    }
}
