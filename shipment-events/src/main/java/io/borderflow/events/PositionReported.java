package io.borderflow.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A carrier reported where its truck was: one GPS ping, stamped by ingest with the shipment's carrier, crossing,
 * direction and lane type (like a checkpoint), so the geofence derivation needs no lookup. A ping is identified by
 * (shipment, {@code occurredAt}); {@code eventId} is derived from both ({@link #eventIdOf}).
 *
 * @param occurredAt     when the truck was there (the ping's own time)
 * @param speedKph       ground speed, if the device reports it
 * @param headingDeg     course over ground, 0 = north, clockwise, if reported
 * @param accuracyMeters horizontal accuracy (radius), if reported; pings worse than a limit are not used
 * @param recordedAt     when ingest accepted the ping
 */
public record PositionReported(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String shipmentId,
        String carrierId,
        String crossingId,
        Direction direction,
        LaneType laneType,
        GeoPoint location,
        Double speedKph,
        Double headingDeg,
        Double accuracyMeters,
        Instant recordedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public PositionReported {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(shipmentId, "shipmentId");
        Required.text(carrierId, "carrierId");
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
        Required.field(location, "location");
        Required.field(recordedAt, "recordedAt");
    }

    /** The one id of the ping of {@code shipmentId} at {@code occurredAt}: the same ping sent twice is the same event. */
    public static UUID eventIdOf(String shipmentId, Instant occurredAt) {
        return UUID.nameUUIDFromBytes(("position/" + shipmentId + "/" + occurredAt).getBytes(StandardCharsets.UTF_8));
    }
}
