package io.borderflow.alerts.service;

import com.fasterxml.jackson.core.type.TypeReference;
import io.borderflow.alerts.config.AlertsConfig;
import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.NotificationKind;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.routing.GroupLog;
import io.borderflow.alerts.domain.routing.Receiver;
import io.borderflow.alerts.domain.routing.Route;
import io.borderflow.alerts.domain.routing.Routing;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.notification.AlertNotice;
import io.borderflow.alerts.notification.NotificationPlanner;
import io.borderflow.alerts.repository.AlertGroupEntity;
import io.borderflow.alerts.repository.AlertGroupMemberEntity;
import io.borderflow.alerts.repository.AlertGroupRepository;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.events.AlertState;
import io.borderflow.support.tracing.TraceContexts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Routed notifications, as Alertmanager dispatches them. A firing or resolved alert joins the aggregation
 * group of every route it matches, in the transaction of its transition. Due groups are flushed each
 * {@code delivery.poll-interval}: in one transaction the group is locked ({@code SKIP LOCKED}), silenced and
 * inhibited alerts are left out, {@link GroupLog#next} decides whether it speaks, and its notifications are
 * written into the notification outbox together with the group's new log and timer. So a flush is either
 * wholly done or not at all: a crash loses no group and repeats none; the outbox then delivers at least once
 * with the same idempotency key. A flush that speaks is a span of its own, linked to its alerts' traces
 * ({@link GroupFlushTracing}); the notifications it plans are sent in that span's trace.
 */
@ApplicationScoped
public class GroupDispatcher {

    private static final Logger LOG = Logger.getLogger(GroupDispatcher.class);
    private static final TypeReference<List<String>> FINGERPRINTS = new TypeReference<>() {
    };

    private final RoutingService routing;
    private final AlertGroupRepository groups;
    private final AlertInstanceRepository instances;
    private final RuleRepository rules;
    private final SilenceService silences;
    private final NotificationPlanner planner;
    private final GroupFlushTracing tracing;
    private final AlertsConfig config;
    private final Clock clock;

    GroupDispatcher(RoutingService routing, AlertGroupRepository groups, AlertInstanceRepository instances,
            RuleRepository rules, SilenceService silences, NotificationPlanner planner, GroupFlushTracing tracing,
            AlertsConfig config, Clock clock) {
        this.routing = routing;
        this.groups = groups;
        this.instances = instances;
        this.rules = rules;
        this.silences = silences;
        this.planner = planner;
        this.tracing = tracing;
        this.config = config;
        this.clock = clock;
    }

    /** In the transition's transaction: what a routed alert's notification becomes. */
    Uni<Void> notify(Routing routing, AlertInstance alert, NotificationKind kind, Rule rule, Instant at) {
        List<Route> routes = routing.routes(alert.labels());
        if (kind == NotificationKind.ACKNOWLEDGED) {
            List<String> routingKeys = routes.stream().map(route -> routing.receivers().get(route.receiver()))
                    .flatMap(receiver -> receiver.pagerDuty().stream()).map(Receiver.PagerDuty::routingKey)
                    .distinct().toList();
            return planner.planAcknowledged(planner.notice(alert, kind, rule, at), routingKeys);
        }
        Instant now = clock.instant();
        // the member keeps the transition's trace, for the flush's link to it
        String traceparent = TraceContexts.current().get(TraceContexts.TRACEPARENT);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Route route : routes) {
            chain = chain.flatMap(ignored -> groups.join(route.groupKey(alert.labels()), route.receiver(),
                    Json.write(route.groupLabels(alert.labels())), route.groupInterval(), route.repeatInterval(),
                    GroupLog.firstFlush(now, alert.startsAt(), route.groupWait()), alert.fingerprint(),
                    traceparent));
        }
        return chain;
    }

    @Scheduled(every = "${borderflow.alerts.delivery.poll-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not while the application stops: its database pool closes before the scheduler's last ticks
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> flushDue() {
        return ScheduledRound.guarded(routing.refresh().flatMap(ignored -> flush()), Duration.ofMinutes(1), LOG,
                "group flush round");
    }

    /** Flushes the due groups (one batch); the number flushed. */
    public Uni<Integer> flush() {
        Optional<Routing> current = routing.current();
        Instant now = clock.instant();
        return Panache.withTransaction(() -> groups.lockDue(now, config.delivery().batchSize())
                .flatMap(due -> due.isEmpty() ? Uni.createFrom().item(0)
                        : groups.members(due.stream().map(g -> g.id).toList())
                                .flatMap(members -> instances.firingOr(members.stream().map(m -> m.fingerprint).toList())
                                        .flatMap(alerts -> RulesAndSilences.load(rules, silences, now)
                                                .flatMap(context -> flushAll(due, members, alerts, context, current))))));
    }

    private Uni<Integer> flushAll(List<AlertGroupEntity> due, List<AlertGroupMemberEntity> members,
            List<AlertInstanceEntity> alerts, RulesAndSilences context, Optional<Routing> current) {
        Map<String, AlertInstanceEntity> byFingerprint = alerts.stream()
                .collect(Collectors.toMap(a -> a.fingerprint, Function.identity()));
        List<Map<String, String>> firing = alerts.stream().filter(a -> AlertState.FIRING.name().equals(a.state))
                .map(a -> Json.labels(a.labels)).toList();
        Map<Long, List<AlertGroupMemberEntity>> membersByGroup = members.stream()
                .collect(Collectors.groupingBy(m -> m.groupId));
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (AlertGroupEntity group : due) {
            chain = chain.flatMap(n -> flush(group, membersByGroup.getOrDefault(group.id, List.of()), byFingerprint,
                    firing, context, current).replaceWith(n + 1));
        }
        return chain;
    }

    private Uni<Void> flush(AlertGroupEntity group, List<AlertGroupMemberEntity> members,
            Map<String, AlertInstanceEntity> alerts,
            List<Map<String, String>> firingAlerts, RulesAndSilences context, Optional<Routing> current) {
        Receiver receiver = current.map(r -> r.receivers().get(group.receiver)).orElse(null);
        if (receiver == null) {
            LOG.infof("group %s ends: its receiver %s is no longer configured", group.groupKey, group.receiver);
            return groups.end(group);
        }
        Instant now = context.now();
        TreeSet<String> firing = new TreeSet<>();
        TreeSet<String> resolved = new TreeSet<>();
        List<String> leaving = new ArrayList<>();
        List<AlertNotice> notices = new ArrayList<>();
        List<String> toldTraces = new ArrayList<>();
        for (AlertGroupMemberEntity member : members) {
            String fingerprint = member.fingerprint;
            AlertInstanceEntity row = alerts.get(fingerprint);
            boolean isFiring = row != null && AlertState.FIRING.name().equals(row.state);
            if (!isFiring) {
                leaving.add(fingerprint); // resolved alerts leave the group after this flush, told or not
            }
            if (row == null) {
                continue;
            }
            AlertInstance alert = AlertMapping.toDomain(row);
            if (context.silenced(alert.labels()) || current.get().inhibited(alert.labels(), firingAlerts)) {
                continue;
            }
            (isFiring ? firing : resolved).add(fingerprint);
            notices.add(planner.notice(alert, isFiring ? NotificationKind.FIRING : NotificationKind.RESOLVED,
                    context.rule(alert.ruleId()), now));
            toldTraces.add(member.traceparent);
        }
        GroupLog last = group.notifiedAt == null ? null : new GroupLog(
                Json.read(group.notifiedFiring, FINGERPRINTS).stream().collect(Collectors.toSet()),
                Json.read(group.notifiedResolved, FINGERPRINTS).stream().collect(Collectors.toSet()), group.notifiedAt);
        Duration repeat = Duration.ofMillis(group.repeatIntervalMs);
        Optional<GroupLog> told = GroupLog.next(last, firing, resolved, now, repeat, true);
        boolean quietToo = GroupLog.next(last, firing, resolved, now, repeat, false).isPresent();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (told.isPresent()) {
            group.sequence++;
            group.notifiedFiring = Json.write(firing);
            group.notifiedResolved = Json.write(resolved);
            group.notifiedAt = now;
            Span span = tracing.flush(group, toldTraces);
            // the rows are written now, in the flush's span: they keep its traceparent
            try (Scope ignored = span.makeCurrent()) {
                chain = planner.planGroup(group.id, group.sequence, group.groupKey, receiver,
                        Json.labels(group.groupLabels), notices, quietToo);
            }
            chain = chain.onTermination().invoke(span::end);
        }
        chain = chain.flatMap(ignored -> groups.removeMembers(group.id, leaving));
        if (leaving.size() == members.size()) {
            return chain.flatMap(ignored -> groups.end(group));
        }
        group.flushed = true;
        group.nextFlushAt = now.plus(Duration.ofMillis(group.groupIntervalMs));
        return chain;
    }
}
