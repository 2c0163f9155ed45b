package io.borderflow.alerts.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An alert as on-call sees it (REST and SSE); {@code history} only in the detail view. */
public record AlertView(
        String fingerprint,
        String ruleId,
        String ruleName,
        Severity severity,
        AlertState state,
        Map<String, String> labels,
        Map<String, String> annotations,
        Double value,
        Double threshold,
        Instant activeAt,
        Instant startsAt,
        Instant endsAt,
        String acknowledgedBy,
        Instant acknowledgedAt,
        boolean silenced,
        List<RouteTarget> routes,
        boolean inhibited,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryEntry> history) {

    /** A route the routing in force sends the alert to (its key, as in group keys) and that route's receiver. */
    public record RouteTarget(String route, String receiver) {
    }

    /** One state change. */
    public record HistoryEntry(Instant at, AlertState from, AlertState to, Double value) {
    }

    public AlertView withHistory(List<HistoryEntry> entries) {
        return new AlertView(fingerprint, ruleId, ruleName, severity, state, labels, annotations, value, threshold,
                activeAt, startsAt, endsAt, acknowledgedBy, acknowledgedAt, silenced, routes, inhibited, entries);
    }
}
