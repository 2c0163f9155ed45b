package io.borderflow.analyzer.repository;

import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CBP's readings in {@code analyzer.reported_wait}, for the trend. */
@ApplicationScoped
public class ReportedWaitRepository {

    /** A reading is stored once; a replay of the topic writes nothing new. */
    private static final String INSERT = """
            INSERT INTO analyzer.reported_wait (crossing_id, direction, lane_type, reported_at, wait_minutes)
            VALUES (?1, ?2, ?3, ?4, ?5)
            ON CONFLICT (crossing_id, direction, lane_type, reported_at) DO UPDATE SET wait_minutes = excluded.wait_minutes
            """;

    private static final String OF_CROSSING = """
            SELECT direction, lane_type, (extract(epoch FROM reported_at) * 1000)::bigint, wait_minutes
            FROM analyzer.reported_wait
            WHERE crossing_id = ?1 AND reported_at >= ?2 AND reported_at < ?3
            ORDER BY direction, lane_type, reported_at
            """;

    /** Records each reading at its time, in one transaction. */
    public Uni<Void> record(Collection<BorderWaitReported> readings) {
        return Panache.withTransaction(() -> Multi.createFrom().iterable(readings)
                .onItem().transformToUniAndConcatenate(reading -> Panache.getSession().chain(session -> session
                        .createNativeQuery(INSERT)
                        .setParameter(1, reading.crossingId())
                        .setParameter(2, reading.direction().name())
                        .setParameter(3, reading.laneType().name())
                        .setParameter(4, reading.occurredAt())
                        .setParameter(5, reading.waitMinutes())
                        .executeUpdate()))
                .collect().last()
                .replaceWithVoid());
    }

    /** A crossing's readings in [from, to), per series in time order. */
    public Uni<Map<SeriesKey, List<ReportedWait.Point>>> ofCrossing(String crossingId, Instant from, Instant to) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery(OF_CROSSING, Object[].class)
                .setParameter(1, crossingId)
                .setParameter(2, from)
                .setParameter(3, to)
                .getResultList())).map(rows -> {
                    Map<SeriesKey, List<ReportedWait.Point>> bySeries = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        SeriesKey series = new SeriesKey(crossingId, Direction.valueOf((String) row[0]),
                                LaneType.valueOf((String) row[1]));
                        Integer wait = row[3] == null ? null : ((Number) row[3]).intValue();
                        bySeries.computeIfAbsent(series, s -> new ArrayList<>()).add(
                                new ReportedWait.Point(Instant.ofEpochMilli(((Number) row[2]).longValue()), wait));
                    }
                    return bySeries;
                });
    }

    public Uni<Integer> deleteOlderThan(Instant cutoff) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM analyzer.reported_wait WHERE reported_at < ?1")
                .setParameter(1, cutoff)
                .executeUpdate()));
    }
}
