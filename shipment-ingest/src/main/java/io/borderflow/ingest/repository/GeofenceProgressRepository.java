package io.borderflow.ingest.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** Each shipment's geofence progress, as JSON text (ingest.geofence_progress); call inside a transaction. */
@ApplicationScoped
public class GeofenceProgressRepository {

    private static final String FIND = "select progress from ingest.geofence_progress where shipment_id = :shipmentId";

    private static final String SAVE = """
            insert into ingest.geofence_progress (shipment_id, progress, updated_at)
            values (:shipmentId, :progress, :updatedAt)
            on conflict (shipment_id) do update set progress = excluded.progress, updated_at = excluded.updated_at""";

    /** The stored progress, or null when the shipment has none yet. */
    public Uni<String> find(String shipmentId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FIND, String.class)
                .setParameter("shipmentId", shipmentId)
                .getSingleResultOrNull());
    }

    public Uni<Integer> save(String shipmentId, String progress, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SAVE)
                .setParameter("shipmentId", shipmentId)
                .setParameter("progress", progress)
                .setParameter("updatedAt", now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }
}
