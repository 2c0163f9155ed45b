package io.borderflow.alerts.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Aggregation groups and their members; every statement runs in the caller's transaction. */
@ApplicationScoped
public class AlertGroupRepository implements PanacheRepositoryBase<AlertGroupEntity, Long> {

    /**
     * Puts an alert into its group, creating the group with its first flush at {@code firstFlush}. A group that
     * has not flushed yet flushes at the earlier of its own and {@code firstFlush} (an alert learnt late
     * hurries it); one that has flushed keeps its group_interval. The timers follow the current route. A member
     * already in the group keeps its place and takes the newer transition's trace, if that has one.
     */
    private static final String JOIN = """
            with g as (
                insert into alerts.alert_group (group_key, receiver, group_labels, group_interval_ms,
                        repeat_interval_ms, next_flush_at, flushed, sequence)
                values (:groupKey, :receiver, :groupLabels, :interval, :repeat, :firstFlush, false, 0)
                on conflict (group_key, receiver) do update set
                    group_interval_ms = excluded.group_interval_ms, repeat_interval_ms = excluded.repeat_interval_ms,
                    next_flush_at = case when alert_group.flushed then alert_group.next_flush_at
                                         else least(alert_group.next_flush_at, excluded.next_flush_at) end
                returning id)
            insert into alerts.alert_group_member (group_id, fingerprint, traceparent)
            select id, :fingerprint, cast(:traceparent as text) from g
            on conflict (group_id, fingerprint) do update set
                traceparent = coalesce(excluded.traceparent, alert_group_member.traceparent)""";

    /** Due groups, locked; a group another replica is flushing is skipped, not waited for. */
    private static final String DUE = """
            select * from alerts.alert_group where next_flush_at <= :now
            order by next_flush_at, id limit :limit for update skip locked""";

    public Uni<Void> join(String groupKey, String receiver, String groupLabels, Duration interval, Duration repeat,
            Instant firstFlush, String fingerprint, String traceparent) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(JOIN)
                .setParameter("groupKey", groupKey).setParameter("receiver", receiver)
                .setParameter("groupLabels", groupLabels).setParameter("interval", interval.toMillis())
                .setParameter("repeat", repeat.toMillis()).setParameter("firstFlush", firstFlush)
                .setParameter("fingerprint", fingerprint).setParameter("traceparent", traceparent)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<AlertGroupEntity>> lockDue(Instant now, int limit) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(DUE, AlertGroupEntity.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    public Uni<List<AlertGroupMemberEntity>> members(Collection<Long> groupIds) {
        return groupIds.isEmpty() ? Uni.createFrom().item(List.of())
                : Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "from AlertGroupMemberEntity where groupId in :ids order by id", AlertGroupMemberEntity.class)
                        .setParameter("ids", groupIds).getResultList());
    }

    public Uni<Void> removeMembers(long groupId, Collection<String> fingerprints) {
        return fingerprints.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.getSession().flatMap(session -> session.createMutationQuery(
                                "delete from AlertGroupMemberEntity where groupId = :g and fingerprint in :f")
                        .setParameter("g", groupId).setParameter("f", fingerprints).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> end(AlertGroupEntity group) {
        return Panache.getSession().flatMap(session -> session.createMutationQuery(
                        "delete from AlertGroupMemberEntity where groupId = :g").setParameter("g", group.id)
                .executeUpdate()).flatMap(ignored -> delete(group));
    }
}
