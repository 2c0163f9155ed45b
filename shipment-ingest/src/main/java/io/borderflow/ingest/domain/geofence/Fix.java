package io.borderflow.ingest.domain.geofence;

import java.time.Instant;

/**
 * A ping the rules used: when, where, its progress along the approach axis, and the stage it lies in by at least
 * the edge margin — null when it lies within the margin of an edge, where GPS jitter could put it either side.
 */
public record Fix(Instant at, double latitude, double longitude, double s, Stage stage) {
}
