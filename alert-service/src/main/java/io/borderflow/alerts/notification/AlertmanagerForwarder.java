package io.borderflow.alerts.notification;

import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.alerts.service.ScheduledRound;
import io.borderflow.events.AlertState;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Feeds an existing Alertmanager the way Prometheus does: every {@code resend-interval} all firing alerts go to
 * {@code POST <url>/api/v2/alerts} with an {@code endsAt} four intervals ahead (so Alertmanager keeps them firing
 * between two rounds and resolves them on its own if BorderFlow stops), and alerts resolved within the last
 * 15 minutes with their real {@code endsAt}. Read from the alert table each round, so nothing is lost across
 * restarts; Alertmanager deduplicates by labels, so several replicas sending is harmless.
 */
@ApplicationScoped
public class AlertmanagerForwarder {

    private static final Logger LOG = Logger.getLogger(AlertmanagerForwarder.class);

    /** Prometheus re-sends resolved alerts this long, so a receiver that missed one still learns it. */
    static final Duration RESOLVED_RESENT_FOR = Duration.ofMinutes(15);

    /** One alert as Alertmanager's API takes it ({@code postableAlert}). */
    public record PostableAlert(Map<String, String> labels, Map<String, String> annotations, Instant startsAt,
            Instant endsAt, String generatorURL) {
    }

    private final AlertInstanceRepository instances;
    private final RuleRepository rules;
    private final NotificationPlanner planner;
    private final HttpPost http;
    private final AlertsConfig config;
    private final Clock clock;

    AlertmanagerForwarder(AlertInstanceRepository instances, RuleRepository rules, NotificationPlanner planner,
            HttpPost http, AlertsConfig config, Clock clock) {
        this.instances = instances;
        this.rules = rules;
        this.planner = planner;
        this.http = http;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${borderflow.alerts.alertmanager.resend-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not while the application stops: its database pool closes before the scheduler's last ticks
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> resend() {
        if (config.alertmanager().url().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ScheduledRound.guarded(send(), Duration.ofMinutes(1), LOG, "sending alerts to Alertmanager");
    }

    /** One round: the alerts Alertmanager must know of now. */
    public Uni<Void> send() {
        Instant now = clock.instant();
        return Panache.withSession(() -> instances.firingOrResolvedSince(now.minus(RESOLVED_RESENT_FOR))
                        .flatMap(rows -> rules.all().map(all -> {
                            Map<String, Rule> byId = all.stream().map(RuleMapping::toDomain)
                                    .collect(Collectors.toMap(Rule::id, Function.identity()));
                            return rows.stream().map(AlertMapping::toDomain)
                                    .map(alert -> postable(alert, byId.get(alert.ruleId()), now)).toList();
                        })))
                .flatMap(this::post);
    }

    private PostableAlert postable(AlertInstance alert, Rule rule, Instant now) {
        boolean firing = alert.state() == AlertState.FIRING;
        AlertNotice notice = planner.notice(alert, firing ? NotificationKind.FIRING : NotificationKind.RESOLVED, rule, now);
        return new PostableAlert(alert.labels(), AlertmanagerPayload.annotations(notice), alert.startsAt(),
                firing ? now.plus(config.alertmanager().resendInterval().multipliedBy(4)) : alert.endsAt(),
                notice.generatorUrl());
    }

    private Uni<Void> post(List<PostableAlert> alerts) {
        if (alerts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String url = config.alertmanager().url().orElseThrow().replaceAll("/+$", "") + "/api/v2/alerts";
        return http.json(url, Json.write(alerts), Map.of()).invoke(result -> {
            if (!(result instanceof DeliveryResult.Delivered)) {
                LOG.warnf("Alertmanager at %s did not take %d alert(s): %s", url, alerts.size(), result);
            }
        }).replaceWithVoid();
    }
}
