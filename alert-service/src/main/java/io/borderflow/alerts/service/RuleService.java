package io.borderflow.alerts.service;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.Comparison;
import io.borderflow.alerts.domain.Measure;
import io.borderflow.alerts.domain.NotFound;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.RuleExists;
import io.borderflow.alerts.domain.Scope;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.RuleEntity;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.events.Severity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Rule management. Changes take effect at the next update or tick (every instance's {@link EnabledRules} reads them
 * again): a deleted or disabled rule's alerts
 * are retired by the next tick (firing → resolved, pending → inactive).
 */
@ApplicationScoped
public class RuleService {

    private static final Logger LOG = Logger.getLogger(RuleService.class);
    private static final String RUNBOOK = "https://borderflow.io/runbooks/";

    /** A rule with its timestamps, as stored. */
    public record StoredRule(Rule rule, Instant createdAt, Instant updatedAt) {
        static StoredRule of(RuleEntity row) {
            return new StoredRule(RuleMapping.toDomain(row), row.createdAt, row.updatedAt);
        }
    }

    private final RuleRepository rules;
    private final EnabledRules enabledRules;
    private final AlertsConfig config;
    private final Clock clock;

    RuleService(RuleRepository rules, EnabledRules enabledRules, AlertsConfig config, Clock clock) {
        this.rules = rules;
        this.enabledRules = enabledRules;
        this.config = config;
        this.clock = clock;
    }

    /** The default set, created on the first start (an empty rule table). */
    public static List<Rule> defaults() {
        return List.of(
                new Rule("live-wait-warning", "LiveWaitHigh", Measure.LIVE_WAIT_MINUTES, Scope.ALL, Comparison.GT, 90,
                        Duration.ofMinutes(10), Duration.ofMinutes(5), Severity.WARNING,
                        "Live wait {{value}} min at {{crossing}} {{direction}} {{lane}} (over 90 min)",
                        RUNBOOK + "live-wait", true),
                new Rule("live-wait-critical", "LiveWaitCritical", Measure.LIVE_WAIT_MINUTES, Scope.ALL, Comparison.GT,
                        180, Duration.ofMinutes(10), Duration.ofMinutes(5), Severity.CRITICAL,
                        "Live wait {{value}} min at {{crossing}} {{direction}} {{lane}} (over 180 min)",
                        RUNBOOK + "live-wait", true),
                new Rule("crossing-stale", "CrossingStale", Measure.STALE, Scope.ALL, Comparison.GT, 0,
                        Duration.ofMinutes(30), Duration.ZERO, Severity.WARNING,
                        "No checkpoints at {{crossing}} {{direction}} {{lane}}: statistics are stale",
                        RUNBOOK + "stale-crossing", true),
                new Rule("shipment-stalled", "ShipmentStalled", Measure.SHIPMENT_STALLED, Scope.ALL, Comparison.GT, 0,
                        Duration.ZERO, Duration.ZERO, Severity.WARNING,
                        "Shipment {{shipment}} of {{carrier}} stalled at {{crossing}}", RUNBOOK + "stalled-shipment",
                        true),
                new Rule("buffer-index-high", "CrossingTimeUnreliable", Measure.BUFFER_INDEX, Scope.ALL, Comparison.GT,
                        1.0, Duration.ofMinutes(30), Duration.ZERO, Severity.INFO,
                        "Crossing-time buffer index {{value}} at {{crossing}} {{direction}} {{lane}}: p95 is over twice the mean",
                        RUNBOOK + "buffer-index", true),
                // off until an operator decides CBP's coarse, manual number is worth being told about
                new Rule("reported-vs-measured-gap", "ReportedWaitDisagrees", Measure.REPORTED_VS_MEASURED_GAP_MINUTES,
                        Scope.ALL, Comparison.GT, 45, Duration.ofMinutes(30), Duration.ZERO, Severity.INFO,
                        "CBP reports a wait {{value}} min away from the measured one at {{crossing}} {{direction}} {{lane}}",
                        RUNBOOK + "reported-vs-measured", false));
    }

    void seedDefaults(@Observes StartupEvent startup) {
        if (!config.defaultRules()) {
            return;
        }
        try {
            int created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> rules.lockSeeding()
                    .flatMap(locked -> rules.count())
                    .flatMap(count -> count > 0 ? Uni.createFrom().item(0)
                            : rules.persist(defaults().stream().map(rule -> stamped(rule, clock.instant())).toList())
                                    .replaceWith(defaults().size()))));
            if (created > 0) {
                LOG.infof("created the %d default alert rules", created);
            }
        } catch (Throwable e) {
            LOG.warn("default rules not created", e);
        }
    }

    @WithSession
    public Uni<List<StoredRule>> list() {
        return rules.all().map(rows -> rows.stream().map(StoredRule::of).toList());
    }

    @WithSession
    public Uni<StoredRule> get(String id) {
        return rules.findById(id).map(row -> StoredRule.of(found(row, id)));
    }

    public Uni<StoredRule> create(Rule rule) {
        return changing(() -> rules.findById(rule.id()).flatMap(existing -> {
            if (existing != null) {
                throw new RuleExists(rule.id());
            }
            RuleEntity row = stamped(rule, clock.instant());
            return rules.persist(row).map(StoredRule::of);
        }));
    }

    public Uni<StoredRule> replace(Rule rule) {
        return changing(() -> rules.findById(rule.id()).map(row -> {
            RuleMapping.apply(rule, found(row, rule.id())).updatedAt = clock.instant();
            return StoredRule.of(row);
        }));
    }

    public Uni<Void> delete(String id) {
        return changing(() -> rules.findById(id).flatMap(row -> rules.delete(found(row, id))));
    }

    /** In a transaction; once committed, this instance evaluates with the change at once. */
    private <T> Uni<T> changing(java.util.function.Supplier<Uni<T>> change) {
        return Panache.withTransaction(change).eventually(enabledRules::changed);
    }

    private static RuleEntity stamped(Rule rule, Instant now) {
        RuleEntity row = RuleMapping.apply(rule, new RuleEntity());
        row.createdAt = now;
        row.updatedAt = now;
        return row;
    }

    private static RuleEntity found(RuleEntity row, String id) {
        if (row == null) {
            throw new NotFound("rule", id);
        }
        return row;
    }
}
