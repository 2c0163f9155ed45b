package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.NotFound;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.repository.AlertHistoryEntity;
import io.borderflow.alerts.repository.AlertHistoryRepository;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** What on-call reads: alerts with filters and paging, one alert with its history. */
@ApplicationScoped
public class AlertQueries {

    /** A page of a list, as every BorderFlow list answers. */
    public record Paged<T>(List<T> items, int page, int size, long total) {
    }

    private final AlertInstanceRepository instances;
    private final AlertHistoryRepository history;
    private final RuleRepository rules;
    private final SilenceService silences;
    private final Clock clock;

    AlertQueries(AlertInstanceRepository instances, AlertHistoryRepository history, RuleRepository rules,
            SilenceService silences, Clock clock) {
        this.instances = instances;
        this.history = history;
        this.rules = rules;
        this.silences = silences;
        this.clock = clock;
    }

    /** Without a state filter: every state but INACTIVE. Newest activity first. */
    @WithSession
    public Uni<Paged<AlertView>> list(AlertState state, Severity severity, String crossingId, int page, int size) {
        var found = instances.filtered(state, severity, crossingId).page(Page.of(page, size));
        return found.list().flatMap(rows -> found.count().flatMap(total -> context()
                .map(context -> new Paged<>(rows.stream().map(row -> view(row, context)).toList(), page, size,
                        total))));
    }

    @WithSession
    public Uni<AlertView> get(String fingerprint) {
        return instances.findById(fingerprint)
                .map(row -> {
                    if (row == null) {
                        throw new NotFound("alert", fingerprint);
                    }
                    return row;
                })
                .flatMap(row -> context().flatMap(context -> history.of(fingerprint)
                        .map(entries -> view(row, context).withHistory(entries.stream().map(AlertQueries::entry)
                                .toList()))));
    }

    /** The alert as it is now, without its history; null when there is none. */
    @WithSession
    public Uni<AlertView> current(String fingerprint) {
        return instances.findById(fingerprint).flatMap(row -> row == null ? Uni.createFrom().nullItem()
                : context().map(context -> view(row, context)));
    }

    private Uni<RulesAndSilences> context() {
        return RulesAndSilences.load(rules, silences, clock.instant());
    }

    private static AlertView view(AlertInstanceEntity row, RulesAndSilences context) {
        return AlertViews.of(row, context.rule(row.ruleId), context.silenced(Json.labels(row.labels)));
    }

    private static AlertView.HistoryEntry entry(AlertHistoryEntity entry) {
        return new AlertView.HistoryEntry(entry.at, AlertState.valueOf(entry.fromState),
                AlertState.valueOf(entry.toState), entry.value);
    }
}
