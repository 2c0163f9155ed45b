package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.mapping.Json;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

/**
 * Email through SMTP ({@code quarkus.mailer.*}) on firing, repeats and resolved. SMTP errors are retried:
 * the mailer does not tell a full mailbox from a server restart reliably enough to give up early.
 */
@ApplicationScoped
public class EmailChannel implements Channel {

    public static final String IDEMPOTENCY_HEADER = "X-BorderFlow-Idempotency-Key";

    /** What is stored in the outbox: the message as it will be sent. */
    public record EmailMessage(List<String> to, String subject, String text) {
    }

    private final AlertsConfig config;
    private final ReactiveMailer mailer;

    EmailChannel(AlertsConfig config, ReactiveMailer mailer) {
        this.config = config;
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public boolean enabled() {
        return config.email().to().filter(to -> !to.isEmpty()).isPresent();
    }

    @Override
    public Optional<String> payload(AlertNotice notice) {
        if (notice.kind() == NotificationKind.ACKNOWLEDGED) {
            return Optional.empty();
        }
        var labels = notice.alert().labels();
        String status = notice.resolved() ? "RESOLVED" : "FIRING";
        String subject = "[" + status + "] " + notice.ruleName()
                + (labels.containsKey(Labels.CROSSING) ? " at " + labels.get(Labels.CROSSING) : "")
                + " (" + notice.severity().name().toLowerCase(Locale.ROOT) + ")";
        StringBuilder text = new StringBuilder()
                .append(notice.summary()).append("\n\n")
                .append("Status: ").append(status).append(notice.kind() == NotificationKind.REPEAT ? " (reminder)" : "")
                .append('\n')
                .append("Value: ").append(notice.alert().value()).append(" (threshold ").append(notice.threshold())
                .append(")\n")
                .append("Started: ").append(notice.alert().startsAt()).append('\n');
        if (notice.resolved()) {
            text.append("Resolved: ").append(notice.alert().endsAt()).append('\n');
        }
        text.append("Labels: ").append(labels).append('\n')
                .append("Dashboard: ").append(notice.generatorUrl()).append('\n');
        if (notice.runbookUrl() != null) {
            text.append("Runbook: ").append(notice.runbookUrl()).append('\n');
        }
        text.append("Fingerprint: ").append(notice.alert().fingerprint()).append('\n');
        return Optional.of(Json.write(new EmailMessage(config.email().to().orElseThrow(), subject, text.toString())));
    }

    /**
     * One message for a routed group, subject as Alertmanager's default ({@code [FIRING:2] <group label values>}),
     * one paragraph per alert.
     */
    public static String groupPayload(List<String> to, Map<String, String> groupLabels, List<AlertNotice> notices) {
        long firing = notices.stream().filter(n -> !n.resolved()).count();
        String subject = (firing > 0 ? "[FIRING:" + firing + "] " : "[RESOLVED] ")
                + String.join(" ", new java.util.TreeMap<>(groupLabels).values());
        StringBuilder text = new StringBuilder();
        for (AlertNotice notice : notices) {
            text.append(notice.resolved() ? "[RESOLVED] " : "[FIRING] ").append(notice.summary()).append('\n')
                    .append("Started: ").append(notice.alert().startsAt()).append('\n');
            if (notice.resolved()) {
                text.append("Resolved: ").append(notice.alert().endsAt()).append('\n');
            }
            text.append("Labels: ").append(new java.util.TreeMap<>(notice.alert().labels())).append('\n')
                    .append("Dashboard: ").append(notice.generatorUrl()).append("\n\n");
        }
        return Json.write(new EmailMessage(to, subject.strip(), text.toString()));
    }

    @Override
    public Uni<DeliveryResult> deliver(String payload, String idempotencyKey, String target) {
        EmailMessage message = Json.read(payload, EmailMessage.class);
        Mail mail = new Mail().setTo(message.to()).setFrom(config.email().from()).setSubject(message.subject())
                .setText(message.text()).addHeader(IDEMPOTENCY_HEADER, idempotencyKey);
        return mailer.send(mail)
                .map(ignored -> (DeliveryResult) new DeliveryResult.Delivered(null))
                .onFailure().recoverWithItem(failure -> new DeliveryResult.Retry(null,
                        failure.getClass().getSimpleName() + ": " + failure.getMessage()));
    }
}
