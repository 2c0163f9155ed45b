package io.borderflow.alerts.notification;

import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.events.Severity;
import java.time.Instant;

/**
 * Everything a channel needs to tell on-call about one alert: written into the notification outbox as
 * the channel's payload at the moment of the transition.
 *
 * @param idempotencyKey {@code <fingerprint>-<kind>-<sequence>}, the same on every retry
 */
public record AlertNotice(
        AlertInstance alert,
        NotificationKind kind,
        String ruleName,
        Severity severity,
        String summary,
        String runbookUrl,
        Double threshold,
        String generatorUrl,
        Instant at,
        String idempotencyKey) {

    public static String idempotencyKey(String fingerprint, NotificationKind kind, int sequence) {
        return fingerprint + "-" + kind.name().toLowerCase(java.util.Locale.ROOT) + "-" + sequence;
    }

    public boolean resolved() {
        return kind == NotificationKind.RESOLVED;
    }
}
