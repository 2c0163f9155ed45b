package io.borderflow.ingest.repository;

import io.borderflow.events.ShipmentDelayUpdated;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** The newest delay status per shipment, consumed from shipment-delays.v1. */
@ApplicationScoped
public class ShipmentDelayRepository implements PanacheRepositoryBase<ShipmentDelayEntity, String> {

    // an older event (by event time) never overwrites a newer one; a redelivery rewrites the same values
    private static final String UPSERT = """
            insert into ingest.shipment_delay (shipment_id, event_id, status, wait_minutes, crossing_minutes,
                                               delay_minutes, last_checkpoint_at, updated_at)
            values (:shipmentId, :eventId, :status, :waitMinutes, :crossingMinutes, :delayMinutes,
                    :lastCheckpointAt, :updatedAt)
            on conflict (shipment_id) do update set
                event_id = excluded.event_id, status = excluded.status, wait_minutes = excluded.wait_minutes,
                crossing_minutes = excluded.crossing_minutes, delay_minutes = excluded.delay_minutes,
                last_checkpoint_at = excluded.last_checkpoint_at, updated_at = excluded.updated_at
            where excluded.updated_at >= ingest.shipment_delay.updated_at""";

    public Uni<Integer> record(ShipmentDelayUpdated event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("shipmentId", event.shipmentId())
                .setParameter("eventId", event.eventId())
                .setParameter("status", event.status().name())
                .setParameter("waitMinutes", event.waitMinutes())
                .setParameter("crossingMinutes", event.crossingMinutes())
                .setParameter("delayMinutes", event.delayMinutes())
                .setParameter("lastCheckpointAt",
                        event.lastCheckpointAt() == null ? null : event.lastCheckpointAt().atOffset(ZoneOffset.UTC))
                .setParameter("updatedAt", event.occurredAt().atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }
}
