package io.borderflow.ingest.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code ingest.outbox}: one shipment change waiting to be (or already) relayed to Kafka. */
@Entity
@Table(name = "outbox")
public class OutboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;
    @Column(name = "event_id")
    UUID eventId;
    @Column(name = "shipment_id")
    String shipmentId;
    @Column(name = "event_type")
    String eventType;
    @Column(name = "payload")
    String payload;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "sent_at")
    Instant sentAt;

    public static OutboxEntity of(UUID eventId, String shipmentId, String eventType, String payload, Instant now) {
        OutboxEntity entity = new OutboxEntity();
        entity.eventId = eventId;
        entity.shipmentId = shipmentId;
        entity.eventType = eventType;
        entity.payload = payload;
        entity.createdAt = now;
        return entity;
    }

    public Long id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public String shipmentId() {
        return shipmentId;
    }

    public String eventType() {
        return eventType;
    }

    public String payload() {
        return payload;
    }
}
