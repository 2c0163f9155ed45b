package io.borderflow.simulator.traffic;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.events.catalog.GeofenceZone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The GPS track a truck's telematics unit reports for its journey, drawn through the crossing's geofences (the
 * catalog's, as ingest uses them) so that ingest derives about the journey's own checkpoints from it: approach at
 * 36 km/h, through the queue zone from queue entry to primary inspection, through primary and exit zones to the port
 * exit, then on for a few minutes. A ping every {@link #INTERVAL}, with GPS noise: σ {@link #NOISE_METRES} m, and
 * {@link #STRAY_RATE} of pings off by up to 150 m reporting a poor accuracy (which ingest ignores).
 */
public final class GpsTracks {

    public static final Duration INTERVAL = Duration.ofSeconds(30);
    static final double NOISE_METRES = 8;
    static final double STRAY_RATE = 0.02;
    /** How far inside a zone the truck is at its checkpoint's time: past ingest's edge margin. */
    private static final double INSIDE = 40;
    private static final double APPROACH_METRES_PER_SECOND = 10;
    private static final Duration BEFORE_AND_AFTER = Duration.ofMinutes(3);
    private static final double METRES_PER_DEGREE_LATITUDE = 110_540;

    private final CrossingGeofences geofences;

    public GpsTracks(CrossingGeofences geofences) {
        this.geofences = geofences;
    }

    /** The pings of the journey, in time order; none if its crossing has no geofences. */
    public List<Journey.Position> track(Journey journey, Random random) {
        Journey.Shipment shipment = journey.shipment();
        CrossingGeofences.Zones zones = geofences.of(shipment.crossingId(), shipment.direction()).orElse(null);
        Instant queued = journey.at(CheckpointType.QUEUE_ENTERED);
        if (zones == null || queued == null) {
            return List.of();
        }
        Axis axis = new Axis(zones);
        Instant primary = journey.at(CheckpointType.PRIMARY_INSPECTION);
        Instant exited = journey.at(CheckpointType.PORT_EXITED);
        Instant last = exited != null ? exited.plus(BEFORE_AND_AFTER)
                : journey.checkpoints().get(journey.checkpoints().size() - 1).occurredAt();
        double queueS = axis.queueStart + INSIDE;
        double primaryS = axis.primaryStart + INSIDE;
        double exitS = axis.exitEnd + INSIDE;
        List<Journey.Position> pings = new ArrayList<>();
        for (Instant at = queued.minus(BEFORE_AND_AFTER); !at.isAfter(last); at = at.plus(INTERVAL)) {
            double s;
            double speed;
            if (at.isBefore(queued)) {
                s = queueS - seconds(at, queued) * APPROACH_METRES_PER_SECOND;
                speed = APPROACH_METRES_PER_SECOND;
            } else if (primary == null || at.isBefore(primary)) {
                Instant until = primary != null ? primary : last;
                s = between(queueS, primaryS, queued, until, at);
                speed = (primaryS - queueS) / Math.max(1, seconds(queued, until));
            } else if (exited == null || at.isBefore(exited)) {
                Instant until = exited != null ? exited : last;
                s = between(primaryS, exitS, primary, until, at);
                speed = (exitS - primaryS) / Math.max(1, seconds(primary, until));
            } else {
                s = exitS + seconds(exited, at) * APPROACH_METRES_PER_SECOND;
                speed = APPROACH_METRES_PER_SECOND;
            }
            boolean stray = random.nextDouble() < STRAY_RATE;
            double off = stray ? random.nextDouble(-150, 150) : random.nextGaussian() * NOISE_METRES;
            double aside = random.nextGaussian() * NOISE_METRES;
            pings.add(new Journey.Position(at, axis.point(s + off, aside), Math.round(speed * 36) / 10.0,
                    axis.headingDegrees, stray ? 150 : 5 + random.nextInt(10)));
        }
        return pings;
    }

    private static double between(double from, double to, Instant start, Instant end, Instant at) {
        double span = seconds(start, end);
        return span <= 0 ? to : from + (to - from) * Math.min(1, seconds(start, at) / span);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** The zones' approach axis in local metres: from the queue's centre toward the exit's. */
    private static final class Axis {

        private final double originLatitude;
        private final double originLongitude;
        private final double metresPerDegreeLongitude;
        private final double x;
        private final double y;
        final double queueStart;
        final double primaryStart;
        final double exitEnd;
        final double headingDegrees;

        Axis(CrossingGeofences.Zones zones) {
            List<GeoPoint> all = new ArrayList<>();
            zones.rings().values().forEach(all::addAll);
            originLatitude = all.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow();
            originLongitude = all.stream().mapToDouble(GeoPoint::longitude).average().orElseThrow();
            metresPerDegreeLongitude = 111_320 * Math.cos(Math.toRadians(originLatitude));
            double[] queue = centre(zones.ring(GeofenceZone.QUEUE));
            double[] exit = centre(zones.ring(GeofenceZone.EXIT));
            double length = Math.hypot(exit[0] - queue[0], exit[1] - queue[1]);
            x = (exit[0] - queue[0]) / length;
            y = (exit[1] - queue[1]) / length;
            queueStart = extreme(zones.ring(GeofenceZone.QUEUE), -1);
            primaryStart = extreme(zones.ring(GeofenceZone.PRIMARY_INSPECTION), -1);
            exitEnd = extreme(zones.ring(GeofenceZone.EXIT), 1);
            headingDegrees = (Math.toDegrees(Math.atan2(x, y)) + 360) % 360;
        }

        GeoPoint point(double s, double aside) {
            double east = s * x + aside * y;
            double north = s * y - aside * x;
            return new GeoPoint(originLatitude + north / METRES_PER_DEGREE_LATITUDE,
                    originLongitude + east / metresPerDegreeLongitude);
        }

        private double[] centre(List<GeoPoint> ring) {
            List<GeoPoint> distinct = ring.stream().distinct().toList();
            return new double[] {
                    distinct.stream().mapToDouble(p -> east(p)).average().orElseThrow(),
                    distinct.stream().mapToDouble(p -> north(p)).average().orElseThrow()};
        }

        /** The smallest (sign -1) or largest (sign 1) progress of a ring's corners. */
        private double extreme(List<GeoPoint> ring, int sign) {
            return ring.stream().mapToDouble(p -> sign * (east(p) * x + north(p) * y)).max().orElseThrow() * sign;
        }

        private double east(GeoPoint p) {
            return (p.longitude() - originLongitude) * metresPerDegreeLongitude;
        }

        private double north(GeoPoint p) {
            return (p.latitude() - originLatitude) * METRES_PER_DEGREE_LATITUDE;
        }
    }
}
