package io.borderflow.analyzer.domain.advice;

import io.borderflow.events.GeoPoint;

/**
 * Drive time without a routing engine: great-circle distance × a road-detour factor, at a constant truck speed.
 * It knows no roads, rivers, congestion, hours-of-service breaks or the Mexican side's customs yards: a first
 * approximation that ranks crossings fairly when they are far apart and coarsely when they are close.
 */
public final class GreatCircleDriveTime implements DriveTimeEstimate {

    /** Roads are on average about 1.3 × the straight line between two points in this region (circuity). */
    public static final String DEFAULT_DETOUR_FACTOR = "1.3";
    /** A loaded truck's average over highway and city driving near the border, km/h. */
    public static final String DEFAULT_TRUCK_SPEED_KMH = "70";
    public static final String METHOD = "GREAT_CIRCLE";

    /** The mean Earth radius (IUGG), km. */
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final double detourFactor;
    private final double truckSpeedKmh;

    public GreatCircleDriveTime(double detourFactor, double truckSpeedKmh) {
        if (detourFactor < 1) {
            throw new IllegalArgumentException("a road is never shorter than the great circle: " + detourFactor);
        }
        if (truckSpeedKmh <= 0) {
            throw new IllegalArgumentException("truck speed must be positive: " + truckSpeedKmh);
        }
        this.detourFactor = detourFactor;
        this.truckSpeedKmh = truckSpeedKmh;
    }

    public static GreatCircleDriveTime withDefaults() {
        return new GreatCircleDriveTime(Double.parseDouble(DEFAULT_DETOUR_FACTOR),
                Double.parseDouble(DEFAULT_TRUCK_SPEED_KMH));
    }

    @Override
    public Drive between(GeoPoint from, GeoPoint to) {
        double roadKm = greatCircleKm(from, to) * detourFactor;
        return new Drive(roadKm, roadKm / truckSpeedKmh * 60, METHOD);
    }

    /** Haversine: accurate to about 0.5 % on the real ellipsoid, far below the detour factor's uncertainty. */
    public static double greatCircleKm(GeoPoint from, GeoPoint to) {
        double lat1 = Math.toRadians(from.latitude());
        double lat2 = Math.toRadians(to.latitude());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(to.longitude() - from.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
