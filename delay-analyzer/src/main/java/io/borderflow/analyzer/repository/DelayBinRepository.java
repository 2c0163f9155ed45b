package io.borderflow.analyzer.repository;

import io.borderflow.events.CrossingDelayUpdated;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The 5-minute bins in {@code analyzer.delay_bin}. */
@ApplicationScoped
@WithSession
public class DelayBinRepository implements PanacheRepositoryBase<DelayBin, DelayBinId> {

    public static final Duration BIN = Duration.ofMinutes(5);

    /**
     * The latest statistics in a bin win: a row is only replaced by a later {@code as_of}, so replays and
     * several instances writing the same bin converge on the same row.
     */
    private static final String UPSERT = """
            INSERT INTO analyzer.delay_bin (crossing_id, direction, lane_type, bin_start, as_of, stale,
                live_wait_minutes, wait_p50_minutes, crossing_p50_minutes, crossing_p95_minutes, queued_now, samples)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            ON CONFLICT (crossing_id, bin_start, direction, lane_type) DO UPDATE SET
                as_of = excluded.as_of, stale = excluded.stale, live_wait_minutes = excluded.live_wait_minutes,
                wait_p50_minutes = excluded.wait_p50_minutes, crossing_p50_minutes = excluded.crossing_p50_minutes,
                crossing_p95_minutes = excluded.crossing_p95_minutes, queued_now = excluded.queued_now,
                samples = excluded.samples
            WHERE excluded.as_of >= analyzer.delay_bin.as_of
            """;

    public static Instant binStart(Instant at) {
        long bin = BIN.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), bin) * bin);
    }

    /** Records each update in its bin, in one transaction. */
    public Uni<Void> record(Collection<CrossingDelayUpdated> updates) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(updates)
                .onItem().transformToUniAndConcatenate(this::upsert)
                .collect().last()
                .replaceWithVoid());
    }

    private Uni<Integer> upsert(CrossingDelayUpdated update) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, update.crossingId())
                .setParameter(2, update.direction().name())
                .setParameter(3, update.laneType().name())
                .setParameter(4, binStart(update.occurredAt()))
                .setParameter(5, update.occurredAt())
                .setParameter(6, update.stale())
                .setParameter(7, update.liveWaitMinutes())
                .setParameter(8, update.waitTime().p50Minutes())
                .setParameter(9, update.crossingTime().p50Minutes())
                .setParameter(10, update.crossingTime().p95Minutes())
                .setParameter(11, update.queuedNow())
                .setParameter(12, update.crossingTime().count())
                .executeUpdate());
    }

    /** A crossing's bins starting in [from, to), by series and time. */
    public Uni<List<DelayBin>> ofCrossing(String crossingId, Instant from, Instant to) {
        return list("id.crossingId = ?1 and id.binStart >= ?2 and id.binStart < ?3 "
                + "order by id.direction, id.laneType, id.binStart", crossingId, from, to);
    }

    /** The non-stale bins of every crossing in one direction and lane type starting in [from, to). */
    public Uni<List<DelayBin>> currentOfDirectionAndLane(String direction, String laneType, Instant from, Instant to) {
        return list("id.direction = ?1 and id.laneType = ?2 and id.binStart >= ?3 and id.binStart < ?4 "
                + "and stale = false", direction, laneType, from, to);
    }

    public Uni<Long> deleteOlderThan(Instant cutoff) {
        return Panache.withTransaction(() -> delete("id.binStart < ?1", cutoff));
    }
}
