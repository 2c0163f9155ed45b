package io.borderflow.alerts.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.borderflow.alerts.domain.InvalidSilence;
import io.borderflow.alerts.domain.NotFound;
import io.borderflow.alerts.domain.Silence;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.repository.SilenceEntity;
import io.borderflow.alerts.repository.SilenceRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Silences: created and expired by on-call, consulted whenever a notification would be sent. */
@ApplicationScoped
public class SilenceService {

    private static final TypeReference<List<Silence.Matcher>> MATCHERS = new TypeReference<>() {
    };

    private final SilenceRepository silences;
    private final Clock clock;

    SilenceService(SilenceRepository silences, Clock clock) {
        this.silences = silences;
        this.clock = clock;
    }

    /** The silences in force at {@code now}; call inside a session. */
    public Uni<List<Silence>> activeAt(Instant now) {
        return silences.activeAt(now).map(rows -> rows.stream().map(SilenceService::toDomain).toList());
    }

    @WithSession
    public Uni<List<Silence>> all() {
        return silences.newestFirst().map(rows -> rows.stream().map(SilenceService::toDomain).toList());
    }

    @WithTransaction
    public Uni<Silence> create(List<Silence.Matcher> matchers, Instant startsAt, Instant endsAt, String author,
            String comment) {
        Instant now = clock.instant();
        Instant start = startsAt == null ? now : startsAt;
        if (!endsAt.isAfter(start)) {
            throw new InvalidSilence("endsAt must be after startsAt");
        }
        for (Silence.Matcher matcher : matchers) {
            if (matcher.isRegex()) {
                try {
                    java.util.regex.Pattern.compile(matcher.value());
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new InvalidSilence("matcher " + matcher.name() + " is not a valid regular expression: "
                            + e.getDescription());
                }
            }
        }
        SilenceEntity row = new SilenceEntity();
        row.id = UUID.randomUUID();
        row.matchers = Json.write(matchers);
        row.startsAt = start;
        row.endsAt = endsAt;
        row.createdBy = author;
        row.comment = comment;
        row.createdAt = now;
        row.updatedAt = now;
        return silences.persist(row).map(SilenceService::toDomain);
    }

    /** Expires a silence now (kept for the record, as Alertmanager does); unknown id → 404. */
    @WithTransaction
    public Uni<Void> expire(UUID id) {
        Instant now = clock.instant();
        return silences.findById(id).map(row -> {
            if (row == null) {
                throw new NotFound("silence", id);
            }
            if (row.endsAt.isAfter(now)) {
                row.endsAt = now.isBefore(row.startsAt) ? row.startsAt : now;
                row.updatedAt = now;
            }
            return null;
        });
    }

    public Instant now() {
        return clock.instant();
    }

    static Silence toDomain(SilenceEntity row) {
        return new Silence(row.id, Json.read(row.matchers, MATCHERS), row.startsAt, row.endsAt, row.createdBy,
                row.comment);
    }
}
