package io.borderflow.ingest.domain.geofence;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.PositionReported;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A checkpoint the geofences derived from pings: its type, when the truck passed (a ping's time or interpolated
 * across a gap), and where.
 */
public record DerivedCheckpoint(CheckpointType type, Instant occurredAt, GeoPoint location) {

    /**
     * The one eventId of a derived checkpoint: a shipment passes each milestone of its crossing once, so however
     * often its pings are replayed the checkpoint is the same event, and consumers ignore a repeat.
     */
    public static UUID eventIdOf(String shipmentId, String crossingId, CheckpointType type) {
        return UUID.nameUUIDFromBytes(("gps-geofence/" + shipmentId + "/" + crossingId + "/" + type)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** As a checkpoint on checkpoints.v1, stamped like the position that derived it. */
    public CheckpointRecorded recorded(PositionReported trigger, Instant recordedAt) {
        return new CheckpointRecorded(eventIdOf(trigger.shipmentId(), trigger.crossingId(), type), occurredAt,
                CheckpointRecorded.SCHEMA_VERSION, trigger.shipmentId(), trigger.carrierId(), trigger.crossingId(),
                trigger.direction(), trigger.laneType(), type, CheckpointSource.GPS_GEOFENCE, location, recordedAt);
    }
}
