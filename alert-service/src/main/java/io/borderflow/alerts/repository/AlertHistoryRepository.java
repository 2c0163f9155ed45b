package io.borderflow.alerts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertHistoryRepository implements PanacheRepositoryBase<AlertHistoryEntity, Long> {

    public Uni<List<AlertHistoryEntity>> of(String fingerprint) {
        return list("fingerprint = ?1 order by id", fingerprint);
    }
}
