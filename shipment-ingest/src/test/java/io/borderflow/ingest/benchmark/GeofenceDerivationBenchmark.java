package io.borderflow.ingest.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.events.catalog.GeofenceZone;
import io.borderflow.events.serde.EventJson;
import io.borderflow.ingest.domain.geofence.CrossingGeofence;
import io.borderflow.ingest.domain.geofence.CrossingProgress;
import io.borderflow.ingest.domain.geofence.GeofenceRules;
import io.borderflow.ingest.domain.geofence.Ping;
import io.borderflow.ingest.domain.geofence.ZoneTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Positions per second through the geofence rules, on one thread: {@code trucks} trucks cross every crossing in
 * both directions, a ping every 30 s with GPS noise (σ 8 m, 2 % stray pings up to 300 m, 3 % reported inaccurate),
 * their pings interleaved as a partition would deliver them. Two measurements: the rules alone (progress in a map),
 * and the rules plus the JSON round trip of the progress that the service stores per ping. Not a test: run
 * {@code java -cp … io.borderflow.ingest.benchmark.GeofenceDerivationBenchmark [trucks] [rounds]}.
 */
public final class GeofenceDerivationBenchmark {

    /** One ping of one truck, with the geofences of its crossing and direction. */
    record Sample(String shipmentId, CrossingGeofences.Zones zones, CrossingGeofence fence, Ping ping) {
    }

    public static void main(String[] args) throws Exception {
        int trucks = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<Sample> pings = pings(trucks, new Random(42));
        System.out.printf("%,d pings of %,d trucks%n", pings.size(), trucks);
        ObjectMapper json = EventJson.mapper();
        for (int round = 1; round <= rounds; round++) {
            long derived = 0;
            long started = System.nanoTime();
            Map<String, CrossingProgress> progress = new HashMap<>();
            for (Sample sample : pings) {
                ZoneTracker.Step step = ZoneTracker.next(progress.getOrDefault(sample.shipmentId(), CrossingProgress.NEW),
                        sample.ping(), sample.fence(), GeofenceRules.DEFAULTS);
                progress.put(sample.shipmentId(), step.progress());
                derived += step.derived().size();
            }
            double rulesSeconds = (System.nanoTime() - started) / 1e9;

            started = System.nanoTime();
            Map<String, String> stored = new HashMap<>();
            for (Sample sample : pings) {
                String before = stored.get(sample.shipmentId());
                CrossingProgress current = before == null ? CrossingProgress.NEW
                        : json.readValue(before, CrossingProgress.class);
                ZoneTracker.Step step = ZoneTracker.next(current, sample.ping(), sample.fence(), GeofenceRules.DEFAULTS);
                stored.put(sample.shipmentId(), json.writeValueAsString(step.progress()));
            }
            double storedSeconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("round %d: rules alone %,.0f positions/s; with the progress as JSON %,.0f positions/s;"
                    + " %,d checkpoints derived (%.2f per truck)%n", round, pings.size() / rulesSeconds,
                    pings.size() / storedSeconds, derived, derived / (double) trucks);
        }
    }

    /** Every truck's track, interleaved by time. */
    static List<Sample> pings(int trucks, Random random) {
        List<CrossingGeofences.Zones> all = CrossingGeofences.load().all();
        Map<CrossingGeofences.Zones, CrossingGeofence> fences = new HashMap<>();
        all.forEach(zones -> fences.put(zones, new CrossingGeofence(zones)));
        Instant start = Instant.parse("2026-11-27T12:00:00Z");
        List<List<Sample>> tracks = new ArrayList<>();
        for (int truck = 0; truck < trucks; truck++) {
            CrossingGeofences.Zones zones = all.get(truck % all.size());
            tracks.add(track("SHP-BENCH-" + truck, zones, fences.get(zones), start.plusSeconds(random.nextInt(3_600)),
                    random));
        }
        List<Sample> interleaved = new ArrayList<>();
        for (List<Sample> track : tracks) {
            interleaved.addAll(track);
        }
        interleaved.sort((a, b) -> a.ping().at().compareTo(b.ping().at()));
        return interleaved;
    }

    /** From 4 km before the crossing point to 2.5 km past it: 20 min of stop-and-go queue, 2 min at the booth. */
    private static List<Sample> track(String shipmentId, CrossingGeofences.Zones zones, CrossingGeofence fence,
            Instant start, Random random) {
        GeoPoint crossing = centre(zones);
        double sign = zones.direction() == Direction.NORTHBOUND ? 1 : -1;
        List<Sample> samples = new ArrayList<>();
        double north = -4_000;
        Instant at = start;
        while (north < 2_500) {
            double noise = random.nextGaussian() * 8 + (random.nextDouble() < 0.02 ? random.nextDouble(-300, 300) : 0);
            Double accuracy = random.nextDouble() < 0.03 ? 250.0 : 8.0;
            double latitude = crossing.latitude() + sign * (north + noise) / 110_540;
            samples.add(new Sample(shipmentId, zones, fence,
                    new Ping(at, new GeoPoint(latitude, crossing.longitude()), accuracy)));
            boolean queued = north > -3_000 && north < 0;
            boolean booth = north >= 0 && north < 100;
            north += queued ? (random.nextDouble() < 0.4 ? 0 : 160) : booth ? 25 : 250;
            at = at.plusSeconds(30);
        }
        return samples;
    }

    /** The crossing point: where the queue zone meets the primary inspection zone in the default shapes. */
    private static GeoPoint centre(CrossingGeofences.Zones zones) {
        List<GeoPoint> queue = zones.ring(GeofenceZone.QUEUE);
        List<GeoPoint> primary = zones.ring(GeofenceZone.PRIMARY_INSPECTION);
        List<GeoPoint> shared = queue.stream().filter(primary::contains).distinct().toList();
        double latitude = shared.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow();
        double longitude = shared.stream().mapToDouble(GeoPoint::longitude).average().orElseThrow();
        return new GeoPoint(latitude, longitude);
    }

    private GeofenceDerivationBenchmark() {
    }
}
