package io.borderflow.alerts.mapping;

import io.borderflow.alerts.domain.Comparison;
import io.borderflow.alerts.domain.Measure;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Scope;
import io.borderflow.alerts.repository.RuleEntity;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.Severity;
import java.time.Duration;

/** {@link RuleEntity} ↔ {@link Rule}. */
public final class RuleMapping {

    public static Rule toDomain(RuleEntity e) {
        return new Rule(e.id, e.name, Measure.fromWireName(e.measure),
                new Scope(e.crossingId, e.direction == null ? null : Direction.valueOf(e.direction),
                        e.laneType == null ? null : LaneType.valueOf(e.laneType), e.carrierId),
                Comparison.valueOf(e.comparison), e.threshold, Duration.ofSeconds(e.forSeconds),
                Duration.ofSeconds(e.keepFiringForSeconds), Severity.valueOf(e.severity), e.summary, e.runbookUrl,
                e.enabled);
    }

    /** Copies the rule into the entity (new or loaded); timestamps are the caller's. */
    public static RuleEntity apply(Rule rule, RuleEntity e) {
        e.id = rule.id();
        e.name = rule.name();
        e.measure = rule.measure().toString();
        e.crossingId = rule.scope().crossingId();
        e.direction = rule.scope().direction() == null ? null : rule.scope().direction().name();
        e.laneType = rule.scope().laneType() == null ? null : rule.scope().laneType().name();
        e.carrierId = rule.scope().carrierId();
        e.comparison = rule.comparison().name();
        e.threshold = rule.threshold();
        e.forSeconds = rule.forDuration().toSeconds();
        e.keepFiringForSeconds = rule.keepFiringFor().toSeconds();
        e.severity = rule.severity().name();
        e.summary = rule.summary();
        e.runbookUrl = rule.runbookUrl();
        e.enabled = rule.enabled();
        return e;
    }

    private RuleMapping() {
    }
}
