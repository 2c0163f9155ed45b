package io.borderflow.alerts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SilenceRepository implements PanacheRepositoryBase<SilenceEntity, UUID> {

    public Uni<List<SilenceEntity>> activeAt(Instant now) {
        return list("startsAt <= ?1 and endsAt > ?1", now);
    }

    public Uni<List<SilenceEntity>> newestFirst() {
        return list("order by createdAt desc");
    }
}
