package io.borderflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A truck passed a checkpoint. Ingest stamps the shipment's carrier, crossing, direction and lane type
 * on every record, so consumers need no lookup. {@code eventId} is the carrier's own id of the event:
 * a repeat of it is the same fact, reported twice.
 *
 * @param occurredAt when the truck passed the checkpoint (event time: statistics are computed on it)
 * @param recordedAt when ingest accepted the report
 * @param location   where it was reported, if the source knows
 */
public record CheckpointRecorded(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String shipmentId,
        String carrierId,
        String crossingId,
        Direction direction,
        LaneType laneType,
        CheckpointType checkpointType,
        CheckpointSource source,
        GeoPoint location,
        Instant recordedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public CheckpointRecorded {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(shipmentId, "shipmentId");
        Required.text(carrierId, "carrierId");
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
        Required.field(checkpointType, "checkpointType");
        Required.field(source, "source");
        Required.field(recordedAt, "recordedAt");
    }

    public SeriesKey series() {
        return new SeriesKey(crossingId, direction, laneType);
    }
}
