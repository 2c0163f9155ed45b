package io.borderflow.ingest.domain.geofence;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import java.time.Instant;

/** A checkpoint the geofences derived from pings: its type, when the truck passed (a ping's time or
 * interpolated across a gap), and where. */
public record DerivedCheckpoint(CheckpointType type, Instant occurredAt, GeoPoint location) {
}
