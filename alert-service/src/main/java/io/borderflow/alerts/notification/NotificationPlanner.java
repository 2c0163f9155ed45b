package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.routing.Receiver;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.repository.NotificationEntity;
import io.borderflow.alerts.repository.NotificationRepository;
import io.borderflow.support.tracing.TraceContexts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a notification into the outbox, one row per enabled channel, in the transaction of the
 * transition that caused it. The delivery worker sends them later.
 */
@ApplicationScoped
public class NotificationPlanner {

    private final List<Channel> channels;
    private final WebhookChannel webhook;
    private final PagerDutyChannel pagerDuty;
    private final EmailChannel email;
    private final NotificationRepository notifications;
    private final AlertsConfig config;
    private final Clock clock;

    NotificationPlanner(Instance<Channel> channels, WebhookChannel webhook, PagerDutyChannel pagerDuty,
            EmailChannel email, NotificationRepository notifications, AlertsConfig config, Clock clock) {
        this.channels = channels.stream().toList();
        this.webhook = webhook;
        this.pagerDuty = pagerDuty;
        this.email = email;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    /**
     * One flush of a routed group that speaks, as Alertmanager sends it to each integration of the receiver: one
     * webhook message and one email per group, one PagerDuty event per alert. An integration without
     * {@code send_resolved} gets only the firing alerts, nothing when none fires, and nothing when
     * {@code quietToo} is false (the group speaks only because an alert resolved).
     *
     * @param groupId  the group's row, so the keys stay unique when a group key comes back after its group ended
     * @param sequence the group's notification count, this one included: the same on every retry
     */
    public Uni<Void> planGroup(long groupId, int sequence, String groupKey, Receiver receiver,
            Map<String, String> groupLabels, List<AlertNotice> notices, boolean quietToo) {
        Instant now = clock.instant();
        List<NotificationEntity> rows = new ArrayList<>();
        List<Receiver.Integration> integrations = receiver.integrations();
        for (int i = 0; i < integrations.size(); i++) {
            Receiver.Integration integration = integrations.get(i);
            List<AlertNotice> told = integration.sendResolved() ? notices
                    : notices.stream().filter(n -> !n.resolved()).toList();
            if (told.isEmpty() || !integration.sendResolved() && !quietToo) {
                continue;
            }
            String stream = "g" + groupId + "-" + i;
            String key = "g" + groupId + "-" + sequence + "-" + i;
            NotificationKind kind = told.stream().anyMatch(n -> !n.resolved()) ? NotificationKind.FIRING
                    : NotificationKind.RESOLVED;
            if (integration instanceof Receiver.Webhook hook) {
                rows.add(row(stream, webhook.name(), kind, sequence, key, Json.write(AlertmanagerPayload.group(
                        groupKey, receiver.name(), groupLabels, told, config.dashboardUrl())), hook.url(), now));
            } else if (integration instanceof Receiver.Email mail) {
                rows.add(row(stream, email.name(), kind, sequence, key,
                        EmailChannel.groupPayload(mail.to(), groupLabels, told), null, now));
            } else if (integration instanceof Receiver.PagerDuty pd) {
                told.forEach(notice -> rows.add(row(notice.alert().fingerprint(), pagerDuty.name(), notice.kind(),
                        sequence, notice.alert().fingerprint() + "-"
                                + notice.kind().name().toLowerCase(java.util.Locale.ROOT) + "-" + key,
                        pagerDuty.payload(notice, pd.routingKey()), null, now)));
            }
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : notifications.persist(rows);
    }

    /** A routed alert's acknowledgement goes to the PagerDuty services of the receivers it was routed to. */
    public Uni<Void> planAcknowledged(AlertNotice notice, List<String> routingKeys) {
        Instant now = clock.instant();
        List<NotificationEntity> rows = new ArrayList<>();
        for (int i = 0; i < routingKeys.size(); i++) {
            rows.add(row(notice.alert().fingerprint(), pagerDuty.name(), notice.kind(),
                    notice.alert().notificationSequence(), notice.idempotencyKey() + "-" + i,
                    pagerDuty.payload(notice, routingKeys.get(i)), null, now));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : notifications.persist(rows);
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
            channel.payload(notice).ifPresent(payload -> rows.add(row(notice.alert().fingerprint(), channel.name(),
                    notice.kind(), notice.alert().notificationSequence(), notice.idempotencyKey(), payload, null, now)));
        }
        return rows.isEmpty() ? Uni.createFrom().voidItem() : notifications.persist(rows);
    }

    /** @param stream rows of one stream and channel are sent in order: an alert's fingerprint, or a group's integration */
    private static NotificationEntity row(String stream, String channel, NotificationKind kind, int sequence,
            String idempotencyKey, String payload, String target, Instant now) {
        NotificationEntity row = new NotificationEntity();
        row.fingerprint = stream;
        row.channel = channel;
        row.kind = kind.name();
        row.sequence = sequence;
        row.idempotencyKey = idempotencyKey;
        row.payload = payload;
        row.target = target;
        row.status = NotificationRepository.PENDING;
        row.attempts = 0;
        row.nextAttemptAt = now;
        row.createdAt = now;
        // planned in the trace of the change that caused it (a group flush: the flush's own)
        row.traceparent = TraceContexts.current().get(TraceContexts.TRACEPARENT);
        return row;
    }
}
