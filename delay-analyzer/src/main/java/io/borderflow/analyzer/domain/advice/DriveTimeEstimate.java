package io.borderflow.analyzer.domain.advice;

import io.borderflow.events.GeoPoint;

/**
 * How long a truck drives from one point to another. {@link GreatCircleDriveTime} estimates it without map data;
 * a routing service (OSRM's {@code /route}, GraphHopper's {@code /route} over HTTP) can implement this instead and
 * name itself in {@link Drive#method()}.
 */
public interface DriveTimeEstimate {

    Drive between(GeoPoint from, GeoPoint to);

    /**
     * @param distanceKm road distance as estimated
     * @param minutes    driving time
     * @param method     how it was estimated, shown with the number (e.g. {@code GREAT_CIRCLE})
     */
    record Drive(double distanceKm, double minutes, String method) {
    }
}
