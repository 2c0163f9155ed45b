package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link AlertInstanceEntity} (+ its rule, if it still exists) → {@link AlertView}. */
final class AlertViews {

    static AlertView of(AlertInstanceEntity e, Rule rule, boolean silenced, Routed routed) {
        Map<String, String> labels = Json.labels(e.labels);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", rule != null ? rule.summaryFor(labels, e.value) : labels.get(Labels.ALERTNAME));
        if (rule != null && rule.runbookUrl() != null) {
            annotations.put("runbook_url", rule.runbookUrl());
        }
        return new AlertView(e.fingerprint, e.ruleId,
                rule != null ? rule.name() : labels.getOrDefault(Labels.ALERTNAME, e.ruleId),
                Severity.valueOf(e.severity), AlertState.valueOf(e.state), labels, annotations, e.value,
                rule != null && !rule.measure().isBoolean() ? rule.threshold() : null, e.activeAt, e.startsAt,
                e.endsAt, e.acknowledgedBy, e.acknowledgedAt, silenced, routed.targets(labels),
                routed.inhibited(labels), null);
    }

    private AlertViews() {
    }
}
