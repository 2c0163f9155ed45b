package io.borderflow.alerts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class AlertInstanceRepository implements PanacheRepositoryBase<AlertInstanceEntity, String> {

    /**
     * Locks the rows so an input update and a tick (or two replicas' ticks) never overwrite each other's
     * transition of the same instance.
     */
    public Uni<List<AlertInstanceEntity>> lockAll(Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("fingerprint in ?1", fingerprints).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Pending and firing instances: the ones time alone can move. */
    public Uni<List<String>> activeFingerprints() {
        return find("select fingerprint from AlertInstanceEntity where state in ('PENDING', 'FIRING')")
                .project(String.class).list();
    }

    public Uni<AlertInstanceEntity> lock(String fingerprint) {
        return find("fingerprint", fingerprint).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
