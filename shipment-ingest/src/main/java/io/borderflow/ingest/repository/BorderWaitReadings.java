package io.borderflow.ingest.repository;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.support.outbox.Outbox;
import io.borderflow.support.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    private final String upsert;

    BorderWaitReadings(Outbox outbox,
            @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") Optional<String> schema) {
        this.outbox = outbox;
        // A concurrent upsert of the same series waits for the first one's commit and then compares with what it
        // wrote: the same reading updates nothing and returns no row
        this.upsert = """
                insert into %s (series, reading, recorded_at) values (:series, :reading, :at)
                on conflict (series) do update set reading = excluded.reading, recorded_at = excluded.recorded_at
                where border_wait_reading.reading <> excluded.reading
                returning series""".formatted(schema.map(s -> s + ".").orElse("") + "border_wait_reading");
    }

    /**
     * Records the readings in one transaction and appends those that changed their series to the outbox; the
     * readings it recorded. Series in key order, so two replicas recording the same feed never deadlock.
     */
    public Uni<List<BorderWaitReported>> record(List<BorderWaitReported> readings, Instant now) {
        List<BorderWaitReported> inOrder = readings.stream()
                .sorted(Comparator.comparing(reading -> reading.series().toString())).toList();
        return Panache.withTransaction(() -> Multi.createFrom().iterable(inOrder)
                .onItem().transformToUniAndConcatenate(reading -> recordOne(reading, now))
                .filter(recorded -> recorded != null)
                .collect().asList());
    }

    private Uni<BorderWaitReported> recordOne(BorderWaitReported reading, Instant now) {
        String series = reading.series().toString();
        return Panache.getSession().chain(session -> session.createNativeQuery(upsert)
                        .setParameter("series", series)
                        .setParameter("reading", reading.fingerprint())
                        .setParameter("at", now)
                        .getResultList())
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem()
                        : outbox.append(new OutboxMessage(Topics.BORDER_WAITS, series,
                                JSON.serialize(Topics.BORDER_WAITS, reading), List.of())).replaceWith(reading));
    }
}
