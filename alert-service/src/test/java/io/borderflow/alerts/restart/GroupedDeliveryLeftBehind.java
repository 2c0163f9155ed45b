package io.borderflow.alerts.restart;

import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.Lifecycle;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.domain.Observation;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Timing;
import io.borderflow.alerts.domain.routing.RoutingYaml;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.notification.AlertNotice;
import io.borderflow.alerts.notification.AlertmanagerPayload;
import io.borderflow.alerts.repository.AlertGroupEntity;
import io.borderflow.alerts.repository.AlertGroupMemberEntity;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.NotificationEntity;
import io.borderflow.alerts.repository.NotificationRepository;
import io.borderflow.alerts.repository.RoutingConfigEntity;
import io.borderflow.alerts.repository.RuleEntity;
import io.borderflow.alerts.service.RuleService;
import io.borderflow.alerts.support.Receivers;
import io.borderflow.testsupport.PostgresResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database as an alert-service killed (kill -9) during grouped delivery leaves it, with the routing of
 * {@link #ROUTING} (one group per crossing) and the {@code live-wait-critical} alert firing at two crossings:
 * <ul>
 * <li>{@value #FLUSHED}: its group was flushed, so its notification is in the outbox, claimed by the worker that
 * died (one attempt counted, the lease already over) — maybe the receiver got it, maybe not;</li>
 * <li>{@value #DUE}: its group was due, but the flush's transaction died with the process, so nothing of it was
 * written: the group is as before its first flush.</li>
 * </ul>
 * The rows are made by the service's own lifecycle, mapping and payload code and written from the entities'
 * fields. Also starts the receiver the routing points at.
 */
public class GroupedDeliveryLeftBehind extends PostgresResource {

    static final String FLUSHED = "roma";
    static final String DUE = "rio-grande-city";
    static final String RULE = "live-wait-critical";
    static final String PATH = "/oncall";
    static final long FLUSHED_GROUP = 1_000_001;
    static final long DUE_GROUP = 1_000_002;
    static final String ROUTING = """
            route:
              receiver: oncall
              group_by: [crossing]
              group_wait: 1s
              group_interval: 2s
              repeat_interval: 1h
            receivers:
              - name: oncall
                webhook_configs: [{url: '%s'}]
            """;

    private Receivers receivers;

    @Override
    public Map<String, String> start() {
        receivers = Receivers.start();
        Map<String, String> datasource = super.start();
        String url = datasource.get("quarkus.datasource.jdbc.url");
        String user = datasource.get("quarkus.datasource.username");
        String password = datasource.get("quarkus.datasource.password");
        Instant killedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Flyway.configure().dataSource(url, user, password).schemas("alerts").createSchemas(true).load().migrate();
        String routing = ROUTING.formatted(receivers.baseUrl() + PATH);
        RoutingYaml.parse(routing);
        Rule rule = RuleService.defaults().stream().filter(r -> r.id().equals(RULE)).findFirst().orElseThrow();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (Rule each : RuleService.defaults()) {
                RuleEntity row = RuleMapping.apply(each, new RuleEntity());
                row.createdAt = killedAt.minus(Duration.ofHours(1));
                row.updatedAt = row.createdAt;
                PendingAlertLeftBehind.insert(connection, "alerts.rule", row);
            }
            RoutingConfigEntity config = new RoutingConfigEntity();
            config.version = 1L;
            config.yaml = routing;
            config.createdBy = "admin@borderflow.test";
            config.createdAt = killedAt.minus(Duration.ofHours(1));
            PendingAlertLeftBehind.insert(connection, "alerts.routing_config", config);

            AlertInstance flushed = firing(rule, FLUSHED, killedAt);
            AlertInstance due = firing(rule, DUE, killedAt);
            PendingAlertLeftBehind.insert(connection, "alerts.alert_instance", row(flushed, killedAt));
            PendingAlertLeftBehind.insert(connection, "alerts.alert_instance", row(due, killedAt));

            // flushed: its log names the alert, its notification is claimed and its lease is over
            AlertGroupEntity told = group(FLUSHED_GROUP, FLUSHED, killedAt.minusSeconds(1));
            told.flushed = true;
            told.sequence = 1;
            told.notifiedFiring = Json.write(List.of(flushed.fingerprint()));
            told.notifiedResolved = Json.write(List.of());
            told.notifiedAt = killedAt.minusSeconds(3);
            PendingAlertLeftBehind.insert(connection, "alerts.alert_group", told);
            PendingAlertLeftBehind.insert(connection, "alerts.alert_group_member", member(FLUSHED_GROUP, flushed));
            PendingAlertLeftBehind.insert(connection, "alerts.notification",
                    claimedNotification(told, rule, flushed, routing, killedAt));

            // due: never flushed, its first flush overdue
            PendingAlertLeftBehind.insert(connection, "alerts.alert_group", group(DUE_GROUP, DUE, killedAt.minusSeconds(2)));
            PendingAlertLeftBehind.insert(connection, "alerts.alert_group_member", member(DUE_GROUP, due));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot leave a grouped delivery behind", e);
        }
        return datasource;
    }

    /** The alert firing since 10 minutes before the kill (pending 10 minutes before that), as the lifecycle makes it. */
    private static AlertInstance firing(Rule rule, String crossing, Instant killedAt) {
        Labels labels = rule.labelsFor(Map.of(Labels.CROSSING, crossing, Labels.DIRECTION, "NORTHBOUND",
                Labels.LANE, "FAST"));
        Timing timing = Timing.of(rule, Duration.ofHours(4));
        Instant activeAt = killedAt.minus(Duration.ofMinutes(20));
        AlertInstance pending = Lifecycle.observe(AlertInstance.inactive(rule.id(), labels),
                new Observation(rule.evaluate(200.0), 200.0, activeAt, UUID.randomUUID()), timing, false).instance();
        return Lifecycle.tick(pending, activeAt.plus(rule.forDuration()), timing, false).instance();
    }

    private static AlertInstanceEntity row(AlertInstance alert, Instant killedAt) {
        AlertInstanceEntity row = AlertMapping.apply(alert, new AlertInstanceEntity());
        row.updatedAt = killedAt.minus(Duration.ofMinutes(10));
        return row;
    }

    private static AlertGroupEntity group(long id, String crossing, Instant nextFlushAt) {
        AlertGroupEntity group = new AlertGroupEntity();
        group.id = id;
        group.groupKey = "{}:{crossing=\"" + crossing + "\"}";
        group.receiver = "oncall";
        group.groupLabels = Json.write(Map.of(Labels.CROSSING, crossing));
        group.groupIntervalMs = 2000;
        group.repeatIntervalMs = Duration.ofHours(1).toMillis();
        group.nextFlushAt = nextFlushAt;
        return group;
    }

    private static AlertGroupMemberEntity member(long groupId, AlertInstance alert) {
        AlertGroupMemberEntity member = new AlertGroupMemberEntity();
        member.id = groupId;
        member.groupId = groupId;
        member.fingerprint = alert.fingerprint();
        return member;
    }

    private NotificationEntity claimedNotification(AlertGroupEntity group, Rule rule, AlertInstance alert,
            String routing, Instant killedAt) {
        String key = "g" + group.id + "-1-0";
        AlertNotice notice = new AlertNotice(alert, NotificationKind.FIRING, rule.name(), rule.severity(),
                rule.summaryFor(alert.labels(), alert.value()), rule.runbookUrl(), rule.threshold(),
                "http://localhost:8082/#/crossings/" + FLUSHED, group.notifiedAt, key);
        NotificationEntity row = new NotificationEntity();
        row.id = group.id;
        row.fingerprint = "g" + group.id + "-0";
        row.channel = "webhook";
        row.kind = NotificationKind.FIRING.name();
        row.sequence = 1;
        row.idempotencyKey = key;
        row.payload = Json.write(AlertmanagerPayload.group(group.groupKey, group.receiver,
                new HashMap<>(Json.labels(group.groupLabels)), List.of(notice), "http://localhost:8082"));
        row.status = NotificationRepository.PENDING;
        row.attempts = 1;
        row.nextAttemptAt = killedAt.minusSeconds(1);
        row.createdAt = group.notifiedAt;
        row.target = RoutingYaml.parse(routing).receivers().get("oncall").webhooks().get(0).url();
        return row;
    }

    @Override
    public void inject(TestInjector testInjector) {
        receivers.injectInto(testInjector);
    }

    @Override
    public void stop() {
        super.stop();
        if (receivers != null) {
            receivers.close();
        }
    }
}
