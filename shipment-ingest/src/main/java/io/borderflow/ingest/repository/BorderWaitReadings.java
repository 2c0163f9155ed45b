package io.borderflow.ingest.repository;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.support.outbox.Outbox;
import io.borderflow.support.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CBP's latest reading per series ({@code border_wait_reading}) and the outbox records that publish them. Every
 * replica reads the feed; the conditional upsert lets exactly one transaction record a change, and only that one
 * appends it to the outbox: a changed reading goes to border-waits.v1 once, whoever read it first.
 */
@ApplicationScoped
public class BorderWaitReadings {

    private static final JsonSerde<BorderWaitReported> JSON = JsonSerde.of(BorderWaitReported.class);

    private final Outbox outbox;
    private final String table;

    BorderWaitReadings(Outbox outbox,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") Optional<String> schema) {
        this.outbox = outbox;
        this.table = schema.map(s -> s + ".").orElse("") + "border_wait_reading";
    }

    /**
     * Records the readings in one transaction and appends those that changed their series to the outbox; the
     * readings it recorded. One statement for all of them, rows in key order, so two replicas recording the same
     * feed never deadlock: a concurrent upsert of the same series waits for the first one's commit and then
     * compares with what that wrote — the same reading updates nothing and returns no row.
     */
    public Uni<List<BorderWaitReported>> record(List<BorderWaitReported> readings, Instant now) {
        if (readings.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, BorderWaitReported> bySeries = new TreeMap<>();
        readings.forEach(reading -> bySeries.put(reading.series().toString(), reading));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < bySeries.size(); i++) {
            rows.add("(:series" + i + ", :reading" + i + ", :at)");
        }
        String upsert = """
                insert into %s (series, reading, recorded_at) values %s
                on conflict (series) do update set reading = excluded.reading, recorded_at = excluded.recorded_at
                where border_wait_reading.reading <> excluded.reading
                returning series""".formatted(table, String.join(", ", rows));
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(upsert, String.class).setParameter("at", now);
            int i = 0;
            for (BorderWaitReported reading : bySeries.values()) {
                query.setParameter("series" + i, reading.series().toString())
                        .setParameter("reading" + i++, reading.fingerprint());
            }
            return query.getResultList();
        }).chain(changed -> appendAll(changed.stream().sorted().map(bySeries::get).toList())));
    }

    private Uni<List<BorderWaitReported>> appendAll(List<BorderWaitReported> changed) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (BorderWaitReported reading : changed) {
            chain = chain.chain(() -> outbox.append(new OutboxMessage(Topics.BORDER_WAITS, reading.series().toString(),
                    JSON.serialize(Topics.BORDER_WAITS, reading), List.of())));
        }
        return chain.replaceWith(changed);
    }
}
