package io.borderflow.alerts.service;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.AlertNotFiring;
import io.borderflow.alerts.domain.Condition;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.Lifecycle;
import io.borderflow.alerts.domain.Measure;
import io.borderflow.alerts.domain.NotFound;
import io.borderflow.alerts.domain.Observation;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Silence;
import io.borderflow.alerts.domain.Step;
import io.borderflow.alerts.domain.Timing;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.events.AlertState;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.ShipmentDelayUpdated;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Applies the lifecycle to alert instances: for each input update (one transaction per update a rule applies to), on every
 * evaluation tick, and on acknowledgement. The instances it touches are locked for the transaction, so an
 * update and a tick never overwrite each other's transition.
 */
@ApplicationScoped
public class AlertEvaluator {

    private final RuleRepository rules;
    private final EnabledRules enabledRules;
    private final AlertInstanceRepository instances;
    private final SilenceService silences;
    private final AlertRecorder recorder;
    private final AlertsConfig config;
    private final RoutingService routing;
    private final AlertMetrics metrics;
    private final Clock clock;

    AlertEvaluator(RuleRepository rules, EnabledRules enabledRules, AlertInstanceRepository instances,
            SilenceService silences, AlertRecorder recorder, AlertsConfig config, RoutingService routing,
            AlertMetrics metrics, Clock clock) {
        this.enabledRules = enabledRules;
        this.routing = routing;
        this.rules = rules;
        this.instances = instances;
        this.silences = silences;
        this.recorder = recorder;
        this.config = config;
        this.metrics = metrics;
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
                rule -> rule.measure().read(update), identifying, update.occurredAt(), update.eventId(),
                update.lastCheckpointAt());
    }

    public Uni<Void> onShipmentDelay(ShipmentDelayUpdated update) {
        Map<String, String> identifying = Map.of(Labels.CROSSING, update.crossingId(),
                Labels.DIRECTION, update.direction().name(), Labels.LANE, update.laneType().name(),
                Labels.SHIPMENT, update.shipmentId(), Labels.CARRIER, update.carrierId());
        return evaluate(Measure.Subject.SHIPMENT,
                rule -> rule.scope().matches(update.crossingId(), update.direction(), update.laneType(),
                        update.carrierId()),
                rule -> rule.measure().read(update), identifying, update.occurredAt(), update.eventId(),
                update.lastCheckpointAt());
    }

    /**
     * @param at           the update's event time, at which the lifecycle is applied
     * @param checkpointAt the newest checkpoint behind the update (null for a series only CBP reports): the event
     *                     lag of the state changes it causes is measured from there
     */
    private Uni<Void> evaluate(Measure.Subject subject, Predicate<Rule> applies, Function<Rule, Double> read,
            Map<String, String> identifying, Instant at, UUID eventId, Instant checkpointAt) {
        Instant now = clock.instant();
        // no transaction at all when no rule applies (the rules are in memory)
        return enabledRules.current()
                .map(enabled -> candidates(enabled, subject, applies, read, identifying, at, eventId))
                .flatMap(candidates -> candidates.isEmpty() ? Uni.createFrom().voidItem()
                        : Panache.withTransaction(() -> observeAll(candidates, now))
                                .invoke(views -> eventLag(subject, checkpointAt, views)).replaceWithVoid());
    }

    /** Once committed: every view is a state change announced (an update never acknowledges). */
    private void eventLag(Measure.Subject subject, Instant checkpointAt, List<AlertView> views) {
        if (checkpointAt == null) {
            return;
        }
        Duration lag = Duration.between(checkpointAt, clock.instant());
        views.stream().filter(Objects::nonNull).forEach(changed -> metrics.eventLag(subject, lag));
    }

    /** The instances an update concerns, by fingerprint: one per applicable rule on the update's subject. */
    private static Map<String, Candidate> candidates(List<Rule> enabled, Measure.Subject subject,
            Predicate<Rule> applies, Function<Rule, Double> read, Map<String, String> identifying, Instant at,
            UUID eventId) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (Rule rule : enabled.stream().filter(rule -> rule.measure().subject() == subject).filter(applies).toList()) {
            Double value = read.apply(rule);
            Labels labels = rule.labelsFor(identifying);
            candidates.put(labels.fingerprint(),
                    new Candidate(rule, labels, new Observation(rule.evaluate(value), value, at, eventId)));
        }
        return candidates;
    }

    private Uni<List<AlertView>> observeAll(Map<String, Candidate> candidates, Instant now) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return instances.lockAll(candidates.keySet())
                .map(AlertEvaluator::byFingerprint)
                .flatMap(existing -> anythingToObserve(candidates.values(), existing)
                        ? silences.activeAt(now).map(active -> observations(candidates.values(), existing, active, now))
                        : Uni.createFrom().item(List.<Uni<AlertView>>of()))
                .flatMap(AlertEvaluator::sequentially);
    }

    /** Most updates concern no instance at all (no row, condition not met): they need not read the silences. */
    private static boolean anythingToObserve(Iterable<Candidate> candidates, Map<String, AlertInstanceEntity> existing) {
        for (Candidate candidate : candidates) {
            if (existing.containsKey(candidate.labels().fingerprint())
                    || candidate.observation().condition() == Condition.TRUE) {
                return true;
            }
        }
        return false;
    }

    private List<Uni<AlertView>> observations(Iterable<Candidate> candidates, Map<String, AlertInstanceEntity> existing,
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
        return steps;
    }

    /** Time-based transitions without input: pending → firing, firing → resolved, repeats; retires orphans. */
    public Uni<Void> tick() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> instances.lockActive()
                        .flatMap(active -> active.isEmpty() ? Uni.createFrom().item(List.<AlertView>of())
                                : RulesAndSilences.load(rules, silences, now)
                                        .map(context -> ticks(active, context))
                                        .flatMap(AlertEvaluator::sequentially)))
                .replaceWithVoid();
    }

    private List<Uni<AlertView>> ticks(List<AlertInstanceEntity> active, RulesAndSilences context) {
        Instant now = context.now();
        List<Uni<AlertView>> steps = new ArrayList<>();
        for (AlertInstanceEntity row : active) {
            AlertInstance instance = AlertMapping.toDomain(row);
            Rule rule = context.rule(row.ruleId);
            boolean silenced = context.silenced(instance.labels());
            Step step = rule == null || !rule.enabled()
                    ? Lifecycle.retire(instance, now, silenced)
                    : Lifecycle.tick(instance, now, timing(rule), silenced);
            steps.add(Uni.createFrom().deferred(() -> recorder.record(step, row, rule, now, silenced)));
        }
        return steps;
    }

    /** Records who took the alert; a repeat by anyone is answered with the alert as it is. */
    public Uni<AlertView> acknowledge(String fingerprint, String who, String comment) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> instances.lock(fingerprint)
                        .map(row -> firing(row, fingerprint))
                        .flatMap(row -> RulesAndSilences.load(rules, silences, now)
                                .flatMap(context -> acknowledge(row, who, comment, context))));
    }

    private static AlertInstanceEntity firing(AlertInstanceEntity row, String fingerprint) {
        if (row == null) {
            throw new NotFound("alert", fingerprint);
        }
        AlertState state = AlertState.valueOf(row.state);
        if (state != AlertState.FIRING) {
            throw new AlertNotFiring(fingerprint, state);
        }
        return row;
    }

    private Uni<AlertView> acknowledge(AlertInstanceEntity row, String who, String comment,
            RulesAndSilences context) {
        AlertInstance instance = AlertMapping.toDomain(row);
        Rule rule = context.rule(row.ruleId);
        boolean silenced = context.silenced(instance.labels());
        Step step = Lifecycle.acknowledge(instance, who, context.now(), silenced);
        if (step.changed()) {
            row.acknowledgeComment = comment;
        }
        return recorder.record(step, row, rule, context.now(), silenced)
                .flatMap(view -> view != null ? Uni.createFrom().item(view) : Routed.load(routing, instances)
                        .map(routed -> AlertViews.of(row, rule, silenced, routed)));
    }

    private Timing timing(Rule rule) {
        return Timing.of(rule, config.repeatInterval());
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
