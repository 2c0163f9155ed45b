package io.borderflow.alerts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<RuleEntity, String> {

    /** Without a list parameter: Hibernate then translates the query once, not on every delay update. */
    public Uni<List<RuleEntity>> enabled() {
        return list("enabled = true order by id");
    }

    public Uni<List<RuleEntity>> all() {
        return list("order by id");
    }

    /**
     * Holds, until the transaction ends, the lock that instances starting together take before seeding the
     * default rules: the second then finds them instead of inserting them again.
     */
    public Uni<Void> lockSeeding() {
        return getSession().flatMap(session -> session
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended('alerts.rule.defaults', 0))")
                .getSingleResult()).replaceWithVoid();
    }
}
