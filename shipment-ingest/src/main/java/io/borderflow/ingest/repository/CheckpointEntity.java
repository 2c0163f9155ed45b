package io.borderflow.ingest.repository;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import io.borderflow.ingest.domain.CheckpointFingerprint;
import io.borderflow.ingest.domain.Timeline;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code ingest.checkpoint}: one consumed {@code CheckpointRecorded}. */
@Entity
@Table(name = "checkpoint")
public class CheckpointEntity {

    @Id
    @Column(name = "event_id")
    UUID eventId;
    @Column(name = "shipment_id")
    String shipmentId;
    @Column(name = "carrier_id")
    String carrierId;
    @Enumerated(EnumType.STRING)
    @Column(name = "checkpoint_type")
    CheckpointType type;
    @Column(name = "occurred_at")
    Instant occurredAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "source")
    CheckpointSource source;
    @Column(name = "latitude")
    Double latitude;
    @Column(name = "longitude")
    Double longitude;
    @Column(name = "recorded_at")
    Instant recordedAt;

    public UUID eventId() {
        return eventId;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public CheckpointType type() {
        return type;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public CheckpointSource source() {
        return source;
    }

    public GeoPoint location() {
        return latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
    }

    /** What this stored event says, to compare a repeat of its eventId with. */
    public CheckpointFingerprint fingerprint() {
        return new CheckpointFingerprint(shipmentId, type, occurredAt, source, location());
    }

    public Timeline.Checkpoint toTimelineCheckpoint() {
        return new Timeline.Checkpoint(eventId, type, occurredAt, source, location(), recordedAt);
    }
}
