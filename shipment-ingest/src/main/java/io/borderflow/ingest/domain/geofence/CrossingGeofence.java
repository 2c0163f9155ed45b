package io.borderflow.ingest.domain.geofence;

import io.borderflow.events.GeoPoint;
import io.borderflow.events.catalog.CrossingGeofences;
import io.borderflow.events.catalog.GeofenceZone;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The geofences of one crossing and direction, ready to locate pings. Positions are projected to local metres
 * around the zones (equirectangular: exact enough over a few kilometres). The approach axis runs from the queue's
 * centre to the exit's; a position's progress {@code s} along it says how far toward (and past) the border a truck
 * is — what "heading toward the border" and "the far side of the exit" mean, whatever the shapes.
 */
public final class CrossingGeofence {

    private static final double METRES_PER_DEGREE_LATITUDE = 110_540;
    private static final double METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;

    /** Where a ping is: its progress along the approach axis and its depth in each stage's area. */
    record Place(double s, double[] depthByStage) {

        double depth(Stage stage) {
            return depthByStage[stage.ordinal()];
        }
    }

    private final double originLatitude;
    private final double originLongitude;
    private final double metresPerDegreeLongitude;
    private final Map<Stage, ZonePolygon> zones = new EnumMap<>(Stage.class);
    private final double axisX;
    private final double axisY;
    private final double queueStartS;
    private final double primaryStartS;
    private final double exitEndS;

    public CrossingGeofence(CrossingGeofences.Zones source) {
        List<GeoPoint> all = new ArrayList<>();
        source.rings().values().forEach(all::addAll);
        this.originLatitude = all.stream().mapToDouble(GeoPoint::latitude).average().orElseThrow();
        this.originLongitude = all.stream().mapToDouble(GeoPoint::longitude).average().orElseThrow();
        this.metresPerDegreeLongitude = METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos(Math.toRadians(originLatitude));
        zones.put(Stage.QUEUE, polygon(source.ring(GeofenceZone.QUEUE)));
        zones.put(Stage.PRIMARY_INSPECTION, polygon(source.ring(GeofenceZone.PRIMARY_INSPECTION)));
        zones.put(Stage.EXIT, polygon(source.ring(GeofenceZone.EXIT)));
        double dx = zones.get(Stage.EXIT).centroidX() - zones.get(Stage.QUEUE).centroidX();
        double dy = zones.get(Stage.EXIT).centroidY() - zones.get(Stage.QUEUE).centroidY();
        double length = Math.hypot(dx, dy);
        this.axisX = dx / length;
        this.axisY = dy / length;
        this.queueStartS = minS(zones.get(Stage.QUEUE));
        this.primaryStartS = minS(zones.get(Stage.PRIMARY_INSPECTION));
        this.exitEndS = maxS(zones.get(Stage.EXIT));
    }

    Place locate(GeoPoint position) {
        double x = x(position.longitude());
        double y = y(position.latitude());
        double s = x * axisX + y * axisY;
        double[] depth = new double[Stage.values().length];
        depth[Stage.OUTSIDE.ordinal()] = Double.NEGATIVE_INFINITY;
        zones.forEach((stage, zone) -> depth[stage.ordinal()] = zone.depth(x, y));
        // past the exit's far edge and in no zone; progress beyond the edge is the depth
        depth[Stage.BEYOND.ordinal()] = s - exitEndS;
        return new Place(s, depth);
    }

    /** The progress at which a truck reaches {@code stage}: the edge whose crossing the stage's checkpoint marks. */
    double edgeOf(Stage stage) {
        return switch (stage) {
            case QUEUE -> queueStartS;
            case PRIMARY_INSPECTION -> primaryStartS;
            case EXIT, BEYOND -> exitEndS;
            case OUTSIDE -> Double.NEGATIVE_INFINITY;
        };
    }

    private ZonePolygon polygon(List<GeoPoint> ring) {
        // GeoJSON repeats the first position at the end; a centroid must count it once
        int n = ring.get(0).equals(ring.get(ring.size() - 1)) ? ring.size() - 1 : ring.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = x(ring.get(i).longitude());
            ys[i] = y(ring.get(i).latitude());
        }
        return new ZonePolygon(xs, ys);
    }

    private double x(double longitude) {
        return (longitude - originLongitude) * metresPerDegreeLongitude;
    }

    private double y(double latitude) {
        return (latitude - originLatitude) * METRES_PER_DEGREE_LATITUDE;
    }

    private double minS(ZonePolygon zone) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < zone.xs().length; i++) {
            min = Math.min(min, zone.xs()[i] * axisX + zone.ys()[i] * axisY);
        }
        return min;
    }

    private double maxS(ZonePolygon zone) {
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < zone.xs().length; i++) {
            max = Math.max(max, zone.xs()[i] * axisX + zone.ys()[i] * axisY);
        }
        return max;
    }
}
