package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.repository.NotificationEntity;
import io.borderflow.alerts.repository.NotificationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a notification into the outbox, one row per enabled channel, in the transaction of the
 * transition that caused it. The delivery worker sends them later.
 */
@ApplicationScoped
public class NotificationPlanner {

    private final List<Channel> channels;
    private final NotificationRepository notifications;
    private final AlertsConfig config;
    private final Clock clock;

    NotificationPlanner(Instance<Channel> channels, NotificationRepository notifications, AlertsConfig config,
            Clock clock) {
        this.channels = channels.stream().toList();
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    /** Where an alert points in the dashboard: its crossing, or the alert itself for shipments without one. */
    public String generatorUrl(AlertInstance alert) {
        String crossing = alert.labels().get(Labels.CROSSING);
        return crossing != null ? config.dashboardUrl() + "/#/crossings/" + crossing
                : config.dashboardUrl() + "/#/alerts/" + alert.fingerprint();
    }

    public AlertNotice notice(AlertInstance alert, NotificationKind kind, Rule rule, Instant at) {
        String ruleName = rule != null ? rule.name() : alert.labels().getOrDefault(Labels.ALERTNAME, alert.ruleId());
        String summary = rule != null ? rule.summaryFor(alert.labels(), alert.value()) : ruleName;
        return new AlertNotice(alert, kind, ruleName, AlertMapping.severity(alert), summary,
                rule == null ? null : rule.runbookUrl(), rule == null ? null : rule.threshold(), generatorUrl(alert),
                at, AlertNotice.idempotencyKey(alert.fingerprint(), kind, alert.notificationSequence()));
    }

    public Uni<Void> plan(AlertNotice notice) {
        Instant now = clock.instant();
        List<NotificationEntity> rows = new ArrayList<>();
        for (Channel channel : channels) {
            if (!channel.enabled()) {
                continue;
            }
            channel.payload(notice).ifPresent(payload -> rows.add(row(notice, channel.name(), payload, now)));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : notifications.persist(rows);
    }

    private static NotificationEntity row(AlertNotice notice, String channel, String payload, Instant now) {
        NotificationEntity row = new NotificationEntity();
        row.fingerprint = notice.alert().fingerprint();
        row.channel = channel;
        row.kind = notice.kind().name();
        row.sequence = notice.alert().notificationSequence();
        row.idempotencyKey = notice.idempotencyKey();
        row.payload = payload;
        row.status = NotificationRepository.PENDING;
        row.attempts = 0;
        row.nextAttemptAt = now;
        row.createdAt = now;
        return row;
    }
}
