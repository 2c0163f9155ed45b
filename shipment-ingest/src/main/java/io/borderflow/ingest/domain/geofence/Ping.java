package io.borderflow.ingest.domain.geofence;

import io.borderflow.events.GeoPoint;
import java.time.Instant;

/** One GPS position of a truck, as the geofence rules need it; {@code accuracyMeters} null when not reported. */
public record Ping(Instant at, GeoPoint location, Double accuracyMeters) {
}
