package io.borderflow.alerts.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class RoutingConfigRepository implements PanacheRepositoryBase<RoutingConfigEntity, Long> {

    /** The version in force and its YAML. */
    public record Current(long version, String yaml) {
    }

    private final Pool pool;

    RoutingConfigRepository(Pool pool) {
        this.pool = pool;
    }

    /** The newest version, or null when none was ever stored; read on the pool, outside any session. */
    public Uni<Current> newest() {
        return pool.query("select version, yaml from alerts.routing_config order by version desc limit 1").execute()
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next())
                .map(row -> row == null ? null : new Current(row.getLong("version"), row.getString("yaml")));
    }
}
