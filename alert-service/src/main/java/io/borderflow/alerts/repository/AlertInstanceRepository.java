package io.borderflow.alerts.repository;

import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

@ApplicationScoped
public class AlertInstanceRepository implements PanacheRepositoryBase<AlertInstanceEntity, String> {

    private final Pool pool;

    AlertInstanceRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Locks the rows so an input update and a tick (or two replicas' ticks) never overwrite each other's
     * transition of the same instance.
     */
    public Uni<List<AlertInstanceEntity>> lockAll(Collection<String> fingerprints) {
        if (fingerprints.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // By primary key, one at a time in fingerprint order (two evaluations never wait for each other crosswise):
        // Hibernate loads by id without translating a query. (An HQL "in" over a list parameter is translated anew
        // on every call, and a native query with an entity result piled up plan-cache keys that never match: each
        // was most of alert-service's CPU under load, by JFR.) An update concerns one or two instances.
        Uni<List<AlertInstanceEntity>> locked = Uni.createFrom().item(ArrayList::new);
        for (String fingerprint : new TreeSet<>(fingerprints)) {
            locked = locked.chain(found -> findById(fingerprint, LockModeType.PESSIMISTIC_WRITE).map(row -> {
                if (row != null) {
                    found.add(row);
                }
                return found;
            }));
        }
        return locked;
    }

    /** Pending and firing instances, locked: the ones time alone can move. */
    public Uni<List<AlertInstanceEntity>> lockActive() {
        return find("state in ?1 order by fingerprint", List.of(AlertState.PENDING.name(), AlertState.FIRING.name()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Every firing instance (inhibition sources) and these ones, whatever their state. */
    public Uni<List<AlertInstanceEntity>> firingOr(Collection<String> fingerprints) {
        return fingerprints.isEmpty() ? list("state", AlertState.FIRING.name())
                : list("state = ?1 or fingerprint in ?2", AlertState.FIRING.name(), fingerprints);
    }

    /** What an Alertmanager is told of: firing instances and those resolved since {@code resolvedSince}. */
    public Uni<List<AlertInstanceEntity>> firingOrResolvedSince(java.time.Instant resolvedSince) {
        return list("state = ?1 or (state = ?2 and endsAt >= ?3) order by fingerprint", AlertState.FIRING.name(),
                AlertState.RESOLVED.name(), resolvedSince);
    }

    public Uni<AlertInstanceEntity> lock(String fingerprint) {
        return find("fingerprint", fingerprint).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** On-call's list: without a state, every state but INACTIVE; most recently changed first. Null = any. */
    public PanacheQuery<AlertInstanceEntity> filtered(AlertState state, Severity severity, String crossingId) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (state != null) {
            where.add("state = :state");
            parameters.and("state", state.name());
        } else {
            where.add("state <> 'INACTIVE'");
        }
        if (severity != null) {
            where.add("severity = :severity");
            parameters.and("severity", severity.name());
        }
        if (crossingId != null) {
            where.add("crossingId = :crossing");
            parameters.and("crossing", crossingId);
        }
        return find(String.join(" and ", where), Sort.descending("updatedAt").and("fingerprint"), parameters);
    }

    /** Instances per state and severity, for the gauges; read on the pool, outside any session. */
    public Uni<Map<AlertState, Map<Severity, Long>>> countByStateAndSeverity() {
        return pool.query("select state, severity, count(*) as n from alerts.alert_instance group by state, severity")
                .execute().map(rows -> {
                    Map<AlertState, Map<Severity, Long>> counts = new EnumMap<>(AlertState.class);
                    rows.forEach(row -> counts.computeIfAbsent(AlertState.valueOf(row.getString("state")),
                                    state -> new EnumMap<>(Severity.class))
                            .put(Severity.valueOf(row.getString("severity")), row.getLong("n")));
                    return counts;
                });
    }
}
