package io.borderflow.alerts.service;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Condition;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.Lifecycle;
import io.borderflow.alerts.domain.Measure;
import io.borderflow.alerts.domain.Observation;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Silence;
import io.borderflow.alerts.domain.Step;
import io.borderflow.alerts.domain.Timing;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.events.AlertState;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.support.rest.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Applies the lifecycle to alert instances: for each input update (one transaction per update), on every
 * evaluation tick, and on acknowledgement. The instances it touches are locked for the transaction, so an
 * update and a tick never overwrite each other's transition.
 */
@ApplicationScoped
public class AlertEvaluator {

    private final RuleRepository rules;
    private final AlertInstanceRepository instances;
    private final SilenceService silences;
    private final AlertRecorder recorder;
    private final AlertStream stream;
    private final AlertsConfig config;
    private final Clock clock;

    AlertEvaluator(RuleRepository rules, AlertInstanceRepository instances, SilenceService silences,
            AlertRecorder recorder, AlertStream stream, AlertsConfig config, Clock clock) {
        this.rules = rules;
        this.instances = instances;
        this.silences = silences;
        this.recorder = recorder;
        this.stream = stream;
        this.config = config;
        this.clock = clock;
    }

    /** One candidate instance of an update: a rule, the labels of the series, and its condition. */
    private record Candidate(Rule rule, Labels labels, Observation observation) {
    }

    public Uni<Void> onCrossingDelay(CrossingDelayUpdated update) {
        Map<String, String> identifying = Map.of(Labels.CROSSING, update.crossingId(),
                Labels.DIRECTION, update.direction().name(), Labels.LANE, update.laneType().name());
        return evaluate(Measure.Subject.CROSSING,
                rule -> rule.scope().matches(update.crossingId(), update.direction(), update.laneType(), null),
                rule -> rule.measure().read(update), identifying, update.occurredAt(), update.eventId());
    }

    public Uni<Void> onShipmentDelay(ShipmentDelayUpdated update) {
        Map<String, String> identifying = Map.of(Labels.CROSSING, update.crossingId(),
                Labels.DIRECTION, update.direction().name(), Labels.LANE, update.laneType().name(),
                Labels.SHIPMENT, update.shipmentId(), Labels.CARRIER, update.carrierId());
        return evaluate(Measure.Subject.SHIPMENT,
                rule -> rule.scope().matches(update.crossingId(), update.direction(), update.laneType(),
                        update.carrierId()),
                rule -> rule.measure().read(update), identifying, update.occurredAt(), update.eventId());
    }

    private Uni<Void> evaluate(Measure.Subject subject, Predicate<Rule> applies, Function<Rule, Double> read,
            Map<String, String> identifying, Instant at, UUID eventId) {
        List<String> measures = Arrays.stream(Measure.values()).filter(m -> m.subject() == subject)
                .map(Measure::toString).toList();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> rules.enabledFor(measures).flatMap(rows -> {
            Map<String, Candidate> candidates = new LinkedHashMap<>();
            for (Rule rule : rows.stream().map(RuleMapping::toDomain).filter(applies).toList()) {
                Double value = read.apply(rule);
                Labels labels = rule.labelsFor(identifying);
                candidates.put(labels.fingerprint(),
                        new Candidate(rule, labels, new Observation(rule.evaluate(value), value, at, eventId)));
            }
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(List.<AlertView>of());
            }
            return instances.lockAll(candidates.keySet()).flatMap(existing -> silences.activeAt(now)
                    .flatMap(active -> observeAll(candidates.values(), byFingerprint(existing), active, now)));
        })).invoke(this::publish).replaceWithVoid();
    }

    private Uni<List<AlertView>> observeAll(Iterable<Candidate> candidates, Map<String, AlertInstanceEntity> existing,
            List<Silence> active, Instant now) {
        List<Uni<AlertView>> steps = new ArrayList<>();
        for (Candidate candidate : candidates) {
            AlertInstanceEntity row = existing.get(candidate.labels().fingerprint());
            if (row == null && candidate.observation().condition() != Condition.TRUE) {
                continue; // nothing to remember about a series that never met the condition
            }
            AlertInstance instance = row == null ? AlertInstance.inactive(candidate.rule().id(), candidate.labels())
                    : AlertMapping.toDomain(row);
            boolean silenced = Silence.anySilences(active, candidate.labels().all(), now);
            Step step = Lifecycle.observe(instance, candidate.observation(), timing(candidate.rule()), silenced);
            steps.add(Uni.createFrom().deferred(() -> recorder.record(step, row, candidate.rule(),
                    candidate.observation().at(), silenced)));
        }
        return sequentially(steps);
    }

    /** Time-based transitions without input: pending → firing, firing → resolved, repeats; retires orphans. */
    public Uni<Void> tick() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> instances.find("state in ?1 order by fingerprint",
                        List.of(AlertState.PENDING.name(), AlertState.FIRING.name()))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(active -> active.isEmpty() ? Uni.createFrom().item(List.<AlertView>of())
                        : rules.all().flatMap(ruleRows -> silences.activeAt(now).flatMap(inForce -> {
                            Map<String, Rule> byId = ruleRows.stream().map(RuleMapping::toDomain)
                                    .collect(Collectors.toMap(Rule::id, Function.identity()));
                            List<Uni<AlertView>> steps = new ArrayList<>();
                            for (AlertInstanceEntity row : active) {
                                AlertInstance instance = AlertMapping.toDomain(row);
                                Rule rule = byId.get(row.ruleId);
                                boolean silenced = Silence.anySilences(inForce, instance.labels(), now);
                                Step step = rule == null || !rule.enabled()
                                        ? Lifecycle.retire(instance, now, silenced)
                                        : Lifecycle.tick(instance, now, timing(rule), silenced);
                                steps.add(Uni.createFrom().deferred(
                                        () -> recorder.record(step, row, rule, now, silenced)));
                            }
                            return sequentially(steps);
                        }))))
                .invoke(this::publish).replaceWithVoid();
    }

    /** Records who took the alert; a repeat by anyone is answered with the alert as it is. */
    public Uni<AlertView> acknowledge(String fingerprint, String who, String comment) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> instances.lock(fingerprint).flatMap(row -> {
            if (row == null) {
                throw new ProblemException(404, "not-found", "Not Found", "no alert " + fingerprint);
            }
            AlertInstance instance = AlertMapping.toDomain(row);
            if (instance.state() != AlertState.FIRING) {
                throw new ProblemException(409, "alert-not-firing", "Alert is not firing",
                        "only a firing alert can be acknowledged; this one is " + instance.state());
            }
            return rules.findById(row.ruleId).map(ruleRow -> ruleRow == null ? null : RuleMapping.toDomain(ruleRow))
                    .flatMap(rule -> silences.activeAt(now).flatMap(inForce -> {
                        boolean silenced = Silence.anySilences(inForce, instance.labels(), now);
                        Step step = Lifecycle.acknowledge(instance, who, now, silenced);
                        if (step.changed()) {
                            row.acknowledgeComment = comment;
                        }
                        return recorder.record(step, row, rule, now, silenced)
                                .map(view -> view != null ? view : AlertViews.of(row, rule, silenced));
                    }));
        })).invoke(view -> publish(List.of(view)));
    }

    private Timing timing(Rule rule) {
        return Timing.of(rule, config.repeatInterval());
    }

    private void publish(List<AlertView> views) {
        views.stream().filter(Objects::nonNull).forEach(stream::publish);
    }

    private static Map<String, AlertInstanceEntity> byFingerprint(List<AlertInstanceEntity> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.fingerprint, Function.identity()));
    }

    /** One after the other: a reactive session must never run two operations at once. */
    private static Uni<List<AlertView>> sequentially(List<Uni<AlertView>> steps) {
        Uni<List<AlertView>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Uni<AlertView> step : steps) {
            chain = chain.flatMap(views -> step.map(view -> {
                views.add(view);
                return views;
            }));
        }
        return chain;
    }
}
