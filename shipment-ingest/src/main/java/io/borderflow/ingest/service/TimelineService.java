package io.borderflow.ingest.service;

import io.borderflow.ingest.domain.Caller;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.ShipmentAccess;
import io.borderflow.ingest.domain.Timeline;
import io.borderflow.ingest.repository.CheckpointEntity;
import io.borderflow.ingest.repository.CheckpointRepository;
import io.borderflow.ingest.repository.ShipmentDelayRepository;
import io.borderflow.ingest.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A shipment's timeline from the read model: what has been consumed from the topics so far. */
@ApplicationScoped
public class TimelineService {

    private final ShipmentRepository shipments;
    private final CheckpointRepository checkpoints;
    private final ShipmentDelayRepository delays;

    public TimelineService(ShipmentRepository shipments, CheckpointRepository checkpoints,
            ShipmentDelayRepository delays) {
        this.shipments = shipments;
        this.checkpoints = checkpoints;
        this.delays = delays;
    }

    public Uni<Timeline> timeline(Caller caller, String shipmentId) {
        return Panache.withSession(() -> shipments.findById(shipmentId).chain(entity -> {
            Shipment shipment = ShipmentAccess.readable(caller, shipmentId, entity == null ? null : entity.toShipment());
            return checkpoints.timeline(shipmentId).chain(rows -> delays.findById(shipmentId)
                    .map(delay -> new Timeline(shipment.shipmentId(), shipment.carrierId(), shipment.crossingId(),
                            shipment.direction(), shipment.laneType(),
                            rows.stream().map(CheckpointEntity::toTimelineCheckpoint).toList(),
                            delay == null ? null : delay.toDelay())));
        }));
    }
}
