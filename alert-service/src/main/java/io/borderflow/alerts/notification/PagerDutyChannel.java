package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.mapping.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty Events API v2: trigger on firing (and repeats: PagerDuty deduplicates by {@code dedup_key} =
 * fingerprint), acknowledge, resolve.
 */
@ApplicationScoped
public class PagerDutyChannel implements Channel {

    private final AlertsConfig config;
    private final HttpPost http;

    PagerDutyChannel(AlertsConfig config, HttpPost http) {
        this.config = config;
        this.http = http;
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public boolean enabled() {
        return config.pagerduty().routingKey().isPresent();
    }

    @Override
    public Optional<String> payload(AlertNotice notice) {
        return Optional.of(payload(notice, config.pagerduty().routingKey().orElseThrow()));
    }

    /** The event for one alert to the PagerDuty service of {@code routingKey} (a routed receiver's, or the configured one). */
    public String payload(AlertNotice notice, String routingKey) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("routing_key", routingKey);
        event.put("dedup_key", notice.alert().fingerprint());
        switch (notice.kind()) {
            case ACKNOWLEDGED -> event.put("event_action", "acknowledge");
            case RESOLVED -> event.put("event_action", "resolve");
            case FIRING, REPEAT -> {
                event.put("event_action", "trigger");
                event.put("payload", triggerPayload(notice));
                event.put("links", List.of(Map.of("href", notice.generatorUrl(), "text", "BorderFlow dashboard")));
                event.put("client", "BorderFlow alert-service");
                event.put("client_url", notice.generatorUrl());
            }
        }
        return Json.write(event);
    }

    private static Map<String, Object> triggerPayload(AlertNotice notice) {
        Map<String, String> labels = notice.alert().labels();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", notice.summary().length() > 1024 ? notice.summary().substring(0, 1024) : notice.summary());
        payload.put("source", labels.getOrDefault(Labels.CROSSING, "borderflow"));
        payload.put("severity", notice.severity().name().toLowerCase(Locale.ROOT));
        payload.put("timestamp", notice.alert().startsAt() == null ? notice.at() : notice.alert().startsAt());
        payload.put("component", labels.getOrDefault(Labels.CROSSING, "alert-service"));
        payload.put("group", labels.getOrDefault(Labels.DIRECTION, "") + "/" + labels.getOrDefault(Labels.LANE, ""));
        payload.put("class", notice.ruleName());
        Map<String, Object> details = new LinkedHashMap<>(labels);
        details.put("value", notice.alert().value());
        details.put("threshold", notice.threshold());
        if (notice.runbookUrl() != null) {
            details.put("runbook_url", notice.runbookUrl());
        }
        payload.put("custom_details", details);
        return payload;
    }

    @Override
    public Uni<DeliveryResult> deliver(String payload, String idempotencyKey, String target) {
        return http.json(config.pagerduty().url(), payload, Map.of("Idempotency-Key", idempotencyKey));
    }
}
