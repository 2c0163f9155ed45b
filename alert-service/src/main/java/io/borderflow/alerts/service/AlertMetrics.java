package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.Measure;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import io.borderflow.support.outbox.OutboxBacklog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@code borderflow_alerts{state,severity}} (instances per state, refreshed by every evaluation tick),
 * {@code borderflow_notifications_total{channel,outcome=sent|failed|dead}} and
 * {@code borderflow_notification_delivery_seconds{channel}} (from the transition to the receiver's 2xx), and the
 * alerts.v1 outbox: {@code borderflow_alerts_outbox_backlog} and {@code borderflow_alerts_outbox_oldest_age_seconds}
 * (read at every relay poll; the age grows between reads, so a relay that stopped shows it), the notification
 * outbox alike: {@code borderflow_notification_outbox_backlog} and
 * {@code borderflow_notification_outbox_oldest_age_seconds} (read at every delivery poll), and
 * {@code borderflow_alert_event_lag_seconds{subject=crossing|shipment}}: how long after the newest checkpoint behind a
 * delay update (its {@code lastCheckpointAt}, the event time of the truck's report) the alert state change that update
 * caused was committed.
 */
@ApplicationScoped
public class AlertMetrics {

    /**
     * Seconds to hours: a checkpoint reaches an alert within seconds when all runs well, while an alert that time
     * raised rather than a checkpoint (a stale series, a stalled shipment) lags by at least its rule's threshold.
     */
    private static final Duration[] EVENT_LAG_BUCKETS = Stream.of(0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0,
            1_800.0, 3_600.0, 7_200.0, 14_400.0).map(seconds -> Duration.ofMillis((long) (seconds * 1000)))
            .toArray(Duration[]::new);

    private final MeterRegistry registry;
    private final Map<AlertState, Map<Severity, AtomicLong>> alerts = new EnumMap<>(AlertState.class);
    private final List<Gauge> gauges = new ArrayList<>();
    private final AtomicReference<OutboxBacklog> outbox = new AtomicReference<>(OutboxBacklog.EMPTY);
    private final AtomicReference<OutboxBacklog> notificationOutbox = new AtomicReference<>(OutboxBacklog.EMPTY);
    private final Map<Measure.Subject, Timer> eventLag = new EnumMap<>(Measure.Subject.class);

    AlertMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        gauges.add(Gauge.builder("borderflow.alerts.outbox.backlog", outbox, b -> b.get().rows())
                .description("Alert state changes in the outbox not yet published to alerts.v1")
                .strongReference(true).register(registry));
        gauges.add(Gauge.builder("borderflow.alerts.outbox.oldest.age", outbox, b -> b.get().oldestAgeSeconds(Instant.now()))
                .description("How long the oldest unpublished alert state change has waited (0: none waits)")
                .baseUnit("seconds").strongReference(true).register(registry));
        gauges.add(Gauge.builder("borderflow.notification.outbox.backlog", notificationOutbox, b -> b.get().rows())
                .description("Notifications not yet delivered nor dead, retries waiting for their backoff included")
                .strongReference(true).register(registry));
        // a notification is stamped with the service's clock when it is planned
        gauges.add(Gauge.builder("borderflow.notification.outbox.oldest.age", notificationOutbox,
                        b -> b.get().oldestAgeSeconds(clock.instant()))
                .description("How long the oldest pending notification has waited since it was planned (0: none waits)")
                .baseUnit("seconds").strongReference(true).register(registry));
        for (Measure.Subject subject : Measure.Subject.values()) {
            // registered now, so a dashboard finds the series before the first alert
            eventLag.put(subject, Timer.builder("borderflow.alert.event.lag")
                    .description("From the checkpoint event time behind a delay update to the alert state change it caused")
                    .tag("subject", lower(subject.name()))
                    .serviceLevelObjectives(EVENT_LAG_BUCKETS).register(registry));
        }
        for (AlertState state : AlertState.values()) {
            Map<Severity, AtomicLong> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                AtomicLong count = new AtomicLong();
                bySeverity.put(severity, count);
                gauges.add(Gauge.builder("borderflow.alerts", count, AtomicLong::get)
                        .description("Alert instances by state and severity")
                        .tag("state", lower(state.name())).tag("severity", lower(severity.name()))
                        .register(registry));
            }
            alerts.put(state, bySeverity);
        }
    }

    /**
     * A gauge reads the object it was registered with; a registry that outlives this bean (a restarted
     * application in the same JVM) would keep reading the old counts, so the gauges leave with the bean.
     */
    @PreDestroy
    void removeGauges() {
        gauges.forEach(registry::remove);
    }

    public void outboxBacklog(OutboxBacklog backlog) {
        outbox.set(backlog);
    }

    public void notificationBacklog(OutboxBacklog backlog) {
        notificationOutbox.set(backlog);
    }

    /** Replaces the alert counts; combinations not given are 0. */
    public void alertCounts(Map<AlertState, Map<Severity, Long>> counts) {
        alerts.forEach((state, bySeverity) -> bySeverity.forEach((severity, gauge) ->
                gauge.set(counts.getOrDefault(state, Map.of()).getOrDefault(severity, 0L))));
    }

    /** A state change an update caused, {@code lag} after the update's newest checkpoint; negative counts as 0. */
    public void eventLag(Measure.Subject subject, Duration lag) {
        eventLag.get(subject).record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void delivered(String channel, Duration latency) {
        counter(channel, "sent").increment();
        Timer.builder("borderflow.notification.delivery").description("From the transition to the receiver's acceptance")
                .tag("channel", channel).publishPercentileHistogram().register(registry).record(latency);
    }

    public void failed(String channel) {
        counter(channel, "failed").increment();
    }

    public void dead(String channel) {
        counter(channel, "dead").increment();
    }

    private Counter counter(String channel, String outcome) {
        return Counter.builder("borderflow.notifications").description("Notification delivery attempts by outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
