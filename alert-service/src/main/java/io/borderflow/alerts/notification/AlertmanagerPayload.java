package io.borderflow.alerts.notification;

import io.borderflow.alerts.domain.Labels;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload, version 4, so any receiver built for Alertmanager (or Alertmanager
 * itself behind a relay) reads BorderFlow alerts unchanged. One alert per message: BorderFlow does not group.
 */
public record AlertmanagerPayload(
        String version,
        String groupKey,
        int truncatedAlerts,
        String status,
        String receiver,
        Map<String, String> groupLabels,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations,
        String externalURL,
        List<Alert> alerts) {

    /** Alertmanager's "not ended yet". */
    public static final Instant ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    public record Alert(String status, Map<String, String> labels, Map<String, String> annotations,
            Instant startsAt, Instant endsAt, String generatorURL, String fingerprint) {
    }

    public static AlertmanagerPayload of(AlertNotice notice, String receiver, String externalUrl) {
        String status = notice.resolved() ? "resolved" : "firing";
        Map<String, String> labels = notice.alert().labels();
        Map<String, String> annotations = annotations(notice);
        Alert alert = new Alert(status, labels, annotations,
                notice.alert().startsAt() == null ? notice.at() : notice.alert().startsAt(),
                notice.resolved() && notice.alert().endsAt() != null ? notice.alert().endsAt() : ZERO_TIME,
                notice.generatorUrl(), notice.alert().fingerprint());
        String alertname = labels.getOrDefault(Labels.ALERTNAME, notice.ruleName());
        return new AlertmanagerPayload("4", "{}:{alertname=\"" + alertname + "\",fingerprint=\""
                + notice.alert().fingerprint() + "\"}", 0, status, receiver, Map.of(Labels.ALERTNAME, alertname),
                labels, annotations, externalUrl, List.of(alert));
    }

    static Map<String, String> annotations(AlertNotice notice) {
        return notice.runbookUrl() == null ? Map.of("summary", notice.summary())
                : Map.of("summary", notice.summary(), "runbook_url", notice.runbookUrl());
    }
}
