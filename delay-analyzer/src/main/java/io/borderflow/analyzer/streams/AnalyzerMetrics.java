package io.borderflow.analyzer.streams;

import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The analyzer's Micrometer metrics (Prometheus names in brackets):
 * checkpoints processed ({@code borderflow_analyzer_checkpoints_processed_total}), duplicates ignored
 * ({@code ..._checkpoints_duplicate_total}), late or out-of-order ({@code ..._checkpoints_late_total{kind}}),
 * dead-lettered ({@code ..._checkpoints_dead_letter_total{reason}}), stalled shipments
 * ({@code ..._shipments_stalled_total}), end-to-end lag occurredAt → output ({@code ..._end_to_end_lag_seconds{output}}),
 * and per series {@code borderflow_analyzer_live_wait_minutes} and {@code borderflow_analyzer_series_stale}
 * labelled crossing, direction, lane (NaN while a series has no live wait: no data is not 0).
 */
@ApplicationScoped
public class AnalyzerMetrics {

    private final MeterRegistry registry;
    private final Counter processed;
    private final Counter duplicates;
    private final Counter stalled;
    private final Map<SeriesKey, AtomicReference<Double>> liveWait = new ConcurrentHashMap<>();
    private final Map<SeriesKey, AtomicReference<Double>> stale = new ConcurrentHashMap<>();

    public AnalyzerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("borderflow.analyzer.checkpoints.processed")
                .description("Checkpoints read from checkpoints.v1 and parsed").register(registry);
        this.duplicates = Counter.builder("borderflow.analyzer.checkpoints.duplicate")
                .description("Checkpoints ignored because their eventId was seen before").register(registry);
        this.stalled = Counter.builder("borderflow.analyzer.shipments.stalled")
                .description("Shipments that became stalled").register(registry);
    }

    void processed() {
        processed.increment();
    }

    void duplicateIgnored() {
        duplicates.increment();
    }

    /** kind: out_of_order (before a checkpoint the journey already has) or after_window (too old to count). */
    void late(String kind) {
        Counter.builder("borderflow.analyzer.checkpoints.late").tag("kind", kind)
                .description("Checkpoints that arrived out of event-time order or after their window").register(registry)
                .increment();
    }

    void deadLettered(String reason) {
        Counter.builder("borderflow.analyzer.checkpoints.dead.letter").tag("reason", reason)
                .description("Records of checkpoints.v1 sent to checkpoints.v1.dlq").register(registry).increment();
    }

    void stalled() {
        stalled.increment();
    }

    void endToEndLag(String output, Duration lag) {
        Timer.builder("borderflow.analyzer.end.to.end.lag").tag("output", output)
                .description("From a checkpoint's occurredAt to the output that reflects it")
                .publishPercentiles(0.5, 0.95, 0.99).register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Keeps the per-series gauges at the latest published statistics. */
    public void seriesUpdated(CrossingDelayUpdated update) {
        SeriesKey series = update.series();
        gauge("borderflow.analyzer.live.wait.minutes", "Live wait: max(p50 wait time, oldest queued)", liveWait, series)
                .set(update.liveWaitMinutes() == null ? Double.NaN : update.liveWaitMinutes());
        gauge("borderflow.analyzer.series.stale", "1 while the series has had no checkpoint for stale-after", stale, series)
                .set(update.stale() ? 1.0 : 0.0);
    }

    private AtomicReference<Double> gauge(String name, String description, Map<SeriesKey, AtomicReference<Double>> values,
            SeriesKey series) {
        return values.computeIfAbsent(series, key -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            registry.gauge(name, Tags.of("crossing", key.crossingId(), "direction", key.direction().name(),
                    "lane", key.laneType().name()), value, AtomicReference::get);
            return value;
        });
    }
}
