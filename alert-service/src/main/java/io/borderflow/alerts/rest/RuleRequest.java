package io.borderflow.alerts.rest;

import io.borderflow.alerts.domain.Comparison;
import io.borderflow.alerts.domain.Measure;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Scope;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.Severity;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A rule as an admin writes it. Durations are minutes ({@code forMinutes}, {@code keepFiringForMinutes});
 * boolean measures ({@code stale}, {@code shipment_stalled}) take no threshold.
 */
public record RuleRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "lowercase letters, digits and '-', at most 64")
        String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull Measure measure,
        @Valid ScopeRequest scope,
        Comparison comparison,
        Double threshold,
        @PositiveOrZero Double forMinutes,
        @PositiveOrZero Double keepFiringForMinutes,
        @NotNull Severity severity,
        @Size(max = 500) String summary,
        @Size(max = 500) @Pattern(regexp = "https?://.+", message = "must be an http(s) URL") String runbookUrl,
        Boolean enabled) {

    public record ScopeRequest(@Size(max = 100) String crossingId, Direction direction, LaneType laneType,
            @Size(max = 100) String carrierId) {
    }

    /** The rule with this id, or a 400 problem naming every field that does not make sense for the measure. */
    public Rule toRule(String ruleId, CrossingCatalog catalog) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ScopeRequest s = scope == null ? new ScopeRequest(null, null, null, null) : scope;
        if (s.crossingId() != null && !catalog.contains(s.crossingId())) {
            errors.add(new Problem.FieldError("scope.crossingId", "unknown crossing: " + s.crossingId()));
        }
        if (s.carrierId() != null && measure.subject() != Measure.Subject.SHIPMENT) {
            errors.add(new Problem.FieldError("scope.carrierId", "only shipment measures can be scoped to a carrier"));
        }
        double effectiveThreshold = 0;
        Comparison effectiveComparison = comparison == null ? Comparison.GT : comparison;
        if (measure.isBoolean()) {
            if ((threshold != null && threshold != 0) || (comparison != null && comparison != Comparison.GT)) {
                errors.add(new Problem.FieldError("threshold",
                        measure + " is true or false: leave comparison and threshold out"));
            }
        } else if (threshold == null) {
            errors.add(new Problem.FieldError("threshold", "required for " + measure));
        } else if (threshold.isNaN() || threshold.isInfinite()) {
            errors.add(new Problem.FieldError("threshold", "must be a finite number"));
        } else if (threshold < 0 && measure != Measure.AVERAGE_DELAY_MINUTES) {
            errors.add(new Problem.FieldError("threshold", measure + " is never negative"));
        } else {
            effectiveThreshold = threshold;
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "validation", "Request is not valid",
                    errors.size() + " field(s) failed validation").withErrors(errors));
        }
        return new Rule(ruleId, name.strip(), measure, new Scope(s.crossingId(), s.direction(), s.laneType(), s.carrierId()),
                effectiveComparison, effectiveThreshold, minutes(forMinutes), minutes(keepFiringForMinutes), severity,
                summary, runbookUrl, enabled == null || enabled);
    }

    private static Duration minutes(Double minutes) {
        return minutes == null ? Duration.ZERO : Duration.ofMillis(Math.round(minutes * 60_000)).withNanos(0);
    }
}
