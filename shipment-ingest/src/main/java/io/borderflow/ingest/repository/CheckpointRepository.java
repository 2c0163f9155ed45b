package io.borderflow.ingest.repository;

import io.borderflow.events.CheckpointRecorded;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The checkpoints consumed from checkpoints.v1. */
@ApplicationScoped
public class CheckpointRepository implements PanacheRepositoryBase<CheckpointEntity, UUID> {

    private static final String INSERT = """
            insert into ingest.checkpoint (event_id, shipment_id, carrier_id, checkpoint_type, occurred_at, source,
                                           latitude, longitude, recorded_at)
            values (:eventId, :shipmentId, :carrierId, :type, :occurredAt, :source, :latitude, :longitude, :recordedAt)
            on conflict (event_id) do nothing""";

    /** Stores a consumed checkpoint once: a redelivered eventId changes nothing. 1 if new, else 0. */
    public Uni<Integer> record(CheckpointRecorded event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("eventId", event.eventId())
                .setParameter("shipmentId", event.shipmentId())
                .setParameter("carrierId", event.carrierId())
                .setParameter("type", event.checkpointType().name())
                .setParameter("occurredAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                .setParameter("source", event.source().name())
                .setParameter("latitude", event.location() == null ? null : event.location().latitude())
                .setParameter("longitude", event.location() == null ? null : event.location().longitude())
                .setParameter("recordedAt", event.recordedAt().atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    public Uni<List<CheckpointEntity>> findAllById(Collection<UUID> eventIds) {
        return eventIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("eventId in ?1", eventIds);
    }

    /** A shipment's checkpoints in event-time order, whatever order they arrived in. */
    public Uni<List<CheckpointEntity>> timeline(String shipmentId) {
        return list("shipmentId", Sort.by("occurredAt").and("recordedAt").and("eventId"), shipmentId);
    }
}
