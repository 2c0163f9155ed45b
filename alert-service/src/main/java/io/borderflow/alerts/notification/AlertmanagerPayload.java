package io.borderflow.alerts.notification;

import io.borderflow.alerts.domain.Labels;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Alertmanager's webhook payload, version 4, so any receiver built for Alertmanager reads BorderFlow alerts
 * unchanged: one message per group, its alerts in Alertmanager's order, the labels and annotations all of them
 * share as {@code commonLabels}/{@code commonAnnotations}. Without routing every alert is a group of its own.
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

    /** Alertmanager's order of a group's alerts: fewer labels first, then by the sorted names and values. */
    static final Comparator<Map<String, String>> ALERTMANAGER_ORDER = (a, b) -> {
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (String name : new TreeSet<>(union(a, b))) {
            if (!a.containsKey(name)) {
                return -1;
            }
            if (!b.containsKey(name)) {
                return 1;
            }
            int byValue = a.get(name).compareTo(b.get(name));
            if (byValue != 0) {
                return byValue;
            }
        }
        return 0;
    };

    /** Unrouted: one alert per message, keyed by its fingerprint. */
    public static AlertmanagerPayload of(AlertNotice notice, String receiver, String externalUrl) {
        String alertname = notice.alert().labels().getOrDefault(Labels.ALERTNAME, notice.ruleName());
        return group("{}:{alertname=\"" + alertname + "\",fingerprint=\"" + notice.alert().fingerprint() + "\"}",
                receiver, Map.of(Labels.ALERTNAME, alertname), List.of(notice), externalUrl);
    }

    public static AlertmanagerPayload group(String groupKey, String receiver, Map<String, String> groupLabels,
            List<AlertNotice> notices, String externalUrl) {
        List<Alert> alerts = notices.stream().map(AlertmanagerPayload::alert)
                .sorted(Comparator.comparing(Alert::labels, ALERTMANAGER_ORDER)).toList();
        String status = alerts.stream().anyMatch(a -> a.status().equals("firing")) ? "firing" : "resolved";
        return new AlertmanagerPayload("4", groupKey, 0, status, receiver, new TreeMap<>(groupLabels),
                common(alerts.stream().map(Alert::labels).toList()),
                common(alerts.stream().map(Alert::annotations).toList()), externalUrl, alerts);
    }

    private static Alert alert(AlertNotice notice) {
        String status = notice.resolved() ? "resolved" : "firing";
        return new Alert(status, new TreeMap<>(notice.alert().labels()), new TreeMap<>(annotations(notice)),
                notice.alert().startsAt() == null ? notice.at() : notice.alert().startsAt(),
                notice.resolved() && notice.alert().endsAt() != null ? notice.alert().endsAt() : ZERO_TIME,
                notice.generatorUrl(), notice.alert().fingerprint());
    }

    /** The pairs every map has. */
    private static Map<String, String> common(List<Map<String, String>> maps) {
        Map<String, String> common = new TreeMap<>(maps.isEmpty() ? Map.of() : maps.get(0));
        maps.forEach(map -> common.entrySet().removeIf(e -> !Objects.equals(map.get(e.getKey()), e.getValue())));
        return common;
    }

    private static Set<String> union(Map<String, String> a, Map<String, String> b) {
        Set<String> names = new HashSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }

    static Map<String, String> annotations(AlertNotice notice) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", notice.summary());
        if (notice.runbookUrl() != null) {
            annotations.put("runbook_url", notice.runbookUrl());
        }
        return annotations;
    }
}
