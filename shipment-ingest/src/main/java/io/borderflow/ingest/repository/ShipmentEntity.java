package io.borderflow.ingest.repository;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.ShipmentChanges;
import io.borderflow.ingest.domain.ShipmentRegistration;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** A row of {@code ingest.shipment}. */
@Entity
@Table(name = "shipment")
public class ShipmentEntity {

    @Id
    @Column(name = "shipment_id")
    String shipmentId;
    @Column(name = "carrier_id")
    String carrierId;
    @Column(name = "crossing_id")
    String crossingId;
    @Enumerated(EnumType.STRING)
    @Column(name = "direction")
    Direction direction;
    @Enumerated(EnumType.STRING)
    @Column(name = "lane_type")
    LaneType laneType;
    @Column(name = "planned_arrival")
    Instant plannedArrival;
    @Convert(converter = ReferenceNumbersConverter.class)
    @Column(name = "reference_numbers")
    Map<String, String> referenceNumbers;
    @Column(name = "revision")
    long revision;
    @Column(name = "registered_at")
    Instant registeredAt;
    @Column(name = "updated_at")
    Instant updatedAt;

    public static ShipmentEntity registered(String carrierId, ShipmentRegistration registration, Instant now) {
        ShipmentEntity entity = new ShipmentEntity();
        entity.shipmentId = registration.shipmentId();
        entity.carrierId = carrierId;
        entity.crossingId = registration.crossingId();
        entity.direction = registration.direction();
        entity.laneType = registration.laneType();
        entity.plannedArrival = registration.plannedArrival();
        entity.referenceNumbers = Map.copyOf(registration.referenceNumbersOrEmpty());
        entity.revision = 1;
        entity.registeredAt = now;
        entity.updatedAt = now;
        return entity;
    }

    /** Applies the changes that differ from the current state; false (and no new revision) if none does. */
    public boolean apply(ShipmentChanges changes, Instant now) {
        boolean changed = false;
        if (changes.plannedArrival() != null && !changes.plannedArrival().equals(plannedArrival)) {
            plannedArrival = changes.plannedArrival();
            changed = true;
        }
        if (changes.laneType() != null && changes.laneType() != laneType) {
            laneType = changes.laneType();
            changed = true;
        }
        if (changes.referenceNumbers() != null && !changes.referenceNumbers().equals(referenceNumbers)) {
            referenceNumbers = Map.copyOf(changes.referenceNumbers());
            changed = true;
        }
        if (changed) {
            revision++;
            updatedAt = now;
        }
        return changed;
    }

    public Shipment toShipment() {
        return new Shipment(shipmentId, carrierId, crossingId, direction, laneType, plannedArrival,
                referenceNumbers == null ? Map.of() : referenceNumbers, revision, registeredAt, updatedAt);
    }
}
