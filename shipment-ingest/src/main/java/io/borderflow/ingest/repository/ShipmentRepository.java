package io.borderflow.ingest.repository;

import io.borderflow.events.JourneyStatus;
import io.borderflow.ingest.domain.Page;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.ShipmentQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<ShipmentEntity, String> {

    /** The shipment locked until the transaction ends: its changes, and so its outbox rows, are serialized. */
    public Uni<ShipmentEntity> findForUpdate(String shipmentId) {
        return findById(shipmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<List<ShipmentEntity>> findAllById(Collection<String> shipmentIds) {
        return shipmentIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("shipmentId in ?1", shipmentIds);
    }

    public Uni<Page<Shipment>> search(ShipmentQuery query) {
        StringBuilder hql = new StringBuilder("from ShipmentEntity s where 1 = 1");
        Parameters parameters = new Parameters();
        if (query.carrierId() != null) {
            hql.append(" and s.carrierId = :carrierId");
            parameters.and("carrierId", query.carrierId());
        }
        if (query.crossingId() != null) {
            hql.append(" and s.crossingId = :crossingId");
            parameters.and("crossingId", query.crossingId());
        }
        if (query.from() != null) {
            hql.append(" and s.plannedArrival >= :from");
            parameters.and("from", query.from());
        }
        if (query.to() != null) {
            hql.append(" and s.plannedArrival < :to");
            parameters.and("to", query.to());
        }
        if (query.status() == JourneyStatus.PLANNED) {
            // planned: the analyzer has reported nothing for it yet
            hql.append(" and not exists (select 1 from ShipmentDelayEntity d where d.shipmentId = s.shipmentId"
                    + " and d.status <> :status)");
            parameters.and("status", query.status());
        } else if (query.status() != null) {
            hql.append(" and exists (select 1 from ShipmentDelayEntity d where d.shipmentId = s.shipmentId"
                    + " and d.status = :status)");
            parameters.and("status", query.status());
        }
        String where = hql.toString();
        return count(where, parameters).chain(total -> find(where + " order by s.plannedArrival desc, s.shipmentId",
                parameters).page(query.page(), query.size()).list()
                .map(rows -> new Page<>(rows.stream().map(ShipmentEntity::toShipment).toList(), query.page(),
                        query.size(), total)));
    }
}
