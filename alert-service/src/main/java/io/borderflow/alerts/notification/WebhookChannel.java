package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.mapping.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Alertmanager-compatible webhook (payload version 4) for firing, repeats and resolved. Each request
 * carries {@code Idempotency-Key} and, with a secret configured, {@code X-BorderFlow-Signature}.
 */
@ApplicationScoped
public class WebhookChannel implements Channel {

    private final AlertsConfig config;
    private final HttpPost http;
    private final Clock clock;

    WebhookChannel(AlertsConfig config, HttpPost http, Clock clock) {
        this.config = config;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public boolean enabled() {
        return config.webhook().url().isPresent();
    }

    @Override
    public Optional<String> payload(AlertNotice notice) {
        if (notice.kind() == NotificationKind.ACKNOWLEDGED) {
            return Optional.empty(); // Alertmanager's payload has no acknowledgement
        }
        return Optional.of(Json.write(AlertmanagerPayload.of(notice, config.webhook().receiver(), config.dashboardUrl())));
    }

    @Override
    public Uni<DeliveryResult> deliver(String payload, String idempotencyKey, String target) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", idempotencyKey);
        config.webhook().secret().ifPresent(secret -> headers.put(WebhookSignature.HEADER,
                WebhookSignature.sign(secret, clock.instant().getEpochSecond(), payload)));
        return http.json(target != null ? target : config.webhook().url().orElseThrow(), payload, headers);
    }
}
