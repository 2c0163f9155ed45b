package io.borderflow.alerts.rest;

import io.borderflow.alerts.domain.Comparison;
import io.borderflow.alerts.domain.Measure;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.events.Severity;
import java.time.Instant;

/** A rule as the API shows it. */
public record RuleView(
        String id,
        String name,
        Measure measure,
        RuleRequest.ScopeRequest scope,
        Comparison comparison,
        Double threshold,
        double forMinutes,
        double keepFiringForMinutes,
        Severity severity,
        String summary,
        String runbookUrl,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public static RuleView of(Rule rule, Instant createdAt, Instant updatedAt) {
        return new RuleView(rule.id(), rule.name(), rule.measure(),
                new RuleRequest.ScopeRequest(rule.scope().crossingId(), rule.scope().direction(),
                        rule.scope().laneType(), rule.scope().carrierId()),
                rule.measure().isBoolean() ? null : rule.comparison(),
                rule.measure().isBoolean() ? null : rule.threshold(),
                rule.forDuration().toSeconds() / 60.0, rule.keepFiringFor().toSeconds() / 60.0, rule.severity(),
                rule.summary(), rule.runbookUrl(), rule.enabled(), createdAt, updatedAt);
    }
}
