package io.borderflow.ingest.repository;

import io.borderflow.events.JourneyStatus;
import io.borderflow.ingest.domain.Timeline;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code ingest.shipment_delay}: the newest consumed {@code ShipmentDelayUpdated} of a shipment. */
@Entity
@Table(name = "shipment_delay")
public class ShipmentDelayEntity {

    @Id
    @Column(name = "shipment_id")
    String shipmentId;
    @Column(name = "event_id")
    UUID eventId;
    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    JourneyStatus status;
    @Column(name = "wait_minutes")
    Double waitMinutes;
    @Column(name = "crossing_minutes")
    Double crossingMinutes;
    @Column(name = "delay_minutes")
    Double delayMinutes;
    @Column(name = "last_checkpoint_at")
    Instant lastCheckpointAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    public Timeline.Delay toDelay() {
        return new Timeline.Delay(status, waitMinutes, crossingMinutes, delayMinutes, lastCheckpointAt, updatedAt);
    }
}
