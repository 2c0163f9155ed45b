package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Step;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.notification.NotificationPlanner;
import io.borderflow.alerts.repository.AlertHistoryEntity;
import io.borderflow.alerts.repository.AlertHistoryRepository;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.events.AlertStateChanged;
import io.borderflow.events.Topics;
import io.borderflow.support.outbox.Outbox;
import io.borderflow.support.outbox.OutboxMessage;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Saves what a lifecycle {@link Step} decided, all in the caller's transaction: the instance, a history
 * entry per state change, the {@code AlertStateChanged} event in the outbox, and the notifications. Either
 * all of it is committed or none: no event without its state, no page without its alert.
 */
@ApplicationScoped
public class AlertRecorder {

    private final AlertInstanceRepository instances;
    private final AlertHistoryRepository history;
    private final Outbox outbox;
    private final NotificationPlanner planner;
    private final RoutingService routing;
    private final GroupDispatcher groups;
    private final Clock clock;

    AlertRecorder(AlertInstanceRepository instances, AlertHistoryRepository history, Outbox outbox,
            NotificationPlanner planner, RoutingService routing, GroupDispatcher groups, Clock clock) {
        this.instances = instances;
        this.history = history;
        this.outbox = outbox;
        this.planner = planner;
        this.routing = routing;
        this.groups = groups;
        this.clock = clock;
    }

    /**
     * @param entity the loaded row, or null for an instance seen for the first time
     * @param rule   the instance's rule, or null when it was deleted
     * @param at     when the step happened (the update's event time, or the tick's now)
     * @return the alert as published on the SSE stream when the step is announced, else null
     */
    public Uni<AlertView> record(Step step, AlertInstanceEntity entity, Rule rule, Instant at, boolean silenced) {
        if (!step.changed()) {
            return Uni.createFrom().nullItem();
        }
        AlertInstance alert = step.instance();
        AlertInstanceEntity row = AlertMapping.apply(alert, entity == null ? new AlertInstanceEntity() : entity);
        row.updatedAt = clock.instant();
        List<Supplier<Uni<?>>> writes = new ArrayList<>();
        if (entity == null) {
            writes.add(() -> instances.persist(row));
        }
        if (step.stateChanged()) {
            writes.add(() -> history.persist(historyEntry(step, at)));
        }
        if (step.announce()) {
            writes.add(() -> outbox.append(outboxEvent(step, rule, at)));
        }
        // routed: into its groups (which flush later); else one notification per enabled channel now
        step.notification().ifPresent(kind -> writes.add(() -> routing.current()
                .map(routes -> groups.notify(routes, alert, kind, rule, at))
                .orElseGet(() -> planner.plan(planner.notice(alert, kind, rule, at)))));
        Uni<?> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> write : writes) {
            chain = chain.flatMap(ignored -> write.get());
        }
        return step.announce() ? chain.flatMap(ignored -> Routed.load(routing, instances))
                .map(routed -> AlertViews.of(row, rule, silenced, routed)) : chain.replaceWith((AlertView) null);
    }

    private static java.util.Map<String, String> annotations(Rule rule, AlertInstance alert) {
        if (rule == null) {
            return java.util.Map.of();
        }
        String summary = rule.summaryFor(alert.labels(), alert.value());
        return rule.runbookUrl() == null ? java.util.Map.of("summary", summary)
                : java.util.Map.of("summary", summary, "runbook_url", rule.runbookUrl());
    }

    private static AlertHistoryEntity historyEntry(Step step, Instant at) {
        AlertHistoryEntity entry = new AlertHistoryEntity();
        entry.fingerprint = step.instance().fingerprint();
        entry.at = at;
        entry.fromState = step.previous().name();
        entry.toState = step.instance().state().name();
        entry.value = step.instance().value();
        return entry;
    }

    private static OutboxMessage outboxEvent(Step step, Rule rule, Instant at) {
        AlertInstance alert = step.instance();
        AlertStateChanged event = new AlertStateChanged(UUID.randomUUID(), at, AlertStateChanged.SCHEMA_VERSION,
                alert.fingerprint(), alert.ruleId(), AlertMapping.severity(alert), step.previous(), alert.state(),
                alert.labels(), annotations(rule, alert), alert.value(), alert.activeAt(), alert.startsAt(), alert.endsAt(),
                alert.acknowledgedBy(), alert.acknowledgedAt());
        return OutboxMessage.of(Topics.ALERTS, alert.fingerprint(), Json.write(event));
    }
}
