package io.borderflow.ingest.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntity, Long> {

    /** Any number fixed for this service: only the instance holding it relays, which keeps per-shipment order. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    /** Takes the relay lock until the transaction ends; false if another instance holds it. */
    public Uni<Boolean> tryLockRelay() {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult());
    }

    public Uni<List<OutboxEntity>> unsent(int limit) {
        return find("sentAt is null", Sort.by("id")).page(0, limit).list();
    }

    public Uni<Integer> markSent(List<Long> ids, Instant now) {
        return ids.isEmpty() ? Uni.createFrom().item(0) : update("sentAt = ?1 where id in ?2", now, ids);
    }

    public Uni<Long> backlog() {
        return count("sentAt is null");
    }
}
