package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Silence;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.AlertHistoryRepository;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import io.borderflow.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        String query = String.join(" and ", where);
        Sort newestFirst = Sort.descending("updatedAt").and("fingerprint");
        var found = instances.find(query, newestFirst, parameters).page(Page.of(page, size));
        return found.list().flatMap(rows -> found.count().flatMap(total -> context()
                .map(context -> new Paged<>(rows.stream().map(context::view).toList(), page, size, total))));
    }

    @WithSession
    public Uni<AlertView> get(String fingerprint) {
        return instances.findById(fingerprint).flatMap(row -> {
            if (row == null) {
                throw new ProblemException(404, "not-found", "Not Found", "no alert " + fingerprint);
            }
            return context().flatMap(context -> history.of(fingerprint).map(entries -> context.view(row)
                    .withHistory(entries.stream().map(entry -> new AlertView.HistoryEntry(entry.at,
                            AlertState.valueOf(entry.fromState), AlertState.valueOf(entry.toState), entry.value))
                            .toList())));
        });
    }

    /** The rules and silences a view needs, read once per request. */
    private record ViewContext(Map<String, Rule> rules, List<Silence> silences, Instant now) {
        AlertView view(AlertInstanceEntity row) {
            return AlertViews.of(row, rules.get(row.ruleId),
                    Silence.anySilences(silences, Json.labels(row.labels), now));
        }
    }

    private Uni<ViewContext> context() {
        Instant now = clock.instant();
        return rules.all().flatMap(ruleRows -> silences.activeAt(now).map(active -> new ViewContext(
                ruleRows.stream().map(RuleMapping::toDomain).collect(Collectors.toMap(Rule::id, Function.identity())),
                active, now)));
    }
}
