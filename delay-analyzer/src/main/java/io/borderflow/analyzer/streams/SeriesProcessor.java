package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.domain.JourneySummary;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.analyzer.domain.SeriesReading;
import io.borderflow.analyzer.domain.SeriesState;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Series keyed by {@code crossingId/direction/laneType}: applies journey changes and CBP's readings and publishes
 * the statistics with the reading beside them when they change (at most once per min-interval) and on a wall-clock heartbeat, so the
 * window slides and staleness shows without new checkpoints.
 *
 * <p>Two stores: {@value #STORE} holds each series' small state; {@value #JOURNEYS_STORE} holds one
 * journey summary per entry under {@code series|shipmentId}, so a checkpoint writes (and changelogs)
 * one small record, and the statistics are computed by a prefix scan only when a publication may be due.
 */
class SeriesProcessor implements Processor<String, SeriesChange, String, CrossingDelayUpdated> {

    static final String STORE = "series";
    static final String JOURNEYS_STORE = "series-journeys";
    /** The most recent changes a publication links to: a busy series takes hundreds between two publications. */
    static final int MAX_LINKS = 32;

    private final AnalyzerSettings settings;
    private final Clock clock;
    private final AnalyzerMetrics metrics;
    private final AnalyzerTracing tracing;
    /** Per series, the traces of the changes since its last publication; in memory: a restart loses a few links. */
    private final Map<String, Deque<SpanContext>> unpublishedChanges = new HashMap<>();
    private ProcessorContext<String, CrossingDelayUpdated> context;
    private KeyValueStore<String, SeriesState> series;
    private KeyValueStore<String, JourneySummary> journeys;

    SeriesProcessor(AnalyzerSettings settings, Clock clock, AnalyzerMetrics metrics, AnalyzerTracing tracing) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, CrossingDelayUpdated> context) {
        this.context = context;
        this.series = context.getStateStore(STORE);
        this.journeys = context.getStateStore(JOURNEYS_STORE);
        // ticks at the finest publication grain; each series decides itself whether it is due
        context.schedule(settings.publication().minInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> tick());
    }

    @Override
    public void process(Record<String, SeriesChange> record) {
        SeriesChange change = record.value();
        SeriesState state = series.get(record.key());
        if (state == null) {
            state = SeriesState.empty(change.series());
        }
        AnalyzerTracing.carried(record.headers()).ifPresent(trace -> remember(record.key(), trace));
        if (change.isReported()) {
            state = state.withReported(change.reported());
        } else {
            String journeyKey = journeyKey(record.key(), change.shipmentId());
            if (change.summary() == null) {
                journeys.delete(journeyKey);
            } else {
                journeys.put(journeyKey, change.summary());
                state = state.withCheckpoint(change.checkpointAt());
            }
        }
        Instant now = clock.instant();
        boolean mayPublish = state.lastPublishedAt() == null
                || !now.isBefore(state.lastPublishedAt().plus(settings.publication().minInterval()));
        // within the min-interval the next tick publishes the change: no need to compute it now
        series.put(record.key(), mayPublish ? publishIfDue(record.key(), state, now) : state);
    }

    private void tick() {
        Instant now = clock.instant();
        List<SeriesState> states = new ArrayList<>();
        try (KeyValueIterator<String, SeriesState> all = series.all()) {
            all.forEachRemaining(entry -> states.add(entry.value));
        }
        for (SeriesState state : states) {
            String key = state.series().toString();
            SeriesState next = publishIfDue(key, state, now);
            if (next != state) {
                series.put(key, next);
            }
        }
    }

    private SeriesState publishIfDue(String key, SeriesState state, Instant now) {
        SeriesKey seriesKey = state.series();
        List<JourneySummary> current = new ArrayList<>();
        List<String> forgotten = new ArrayList<>();
        try (KeyValueIterator<String, JourneySummary> entries = journeys.prefixScan(key + "|", Serdes.String().serializer())) {
            entries.forEachRemaining(entry -> {
                if (entry.value.canStillCount(now, settings.rules())) {
                    current.add(entry.value);
                } else {
                    forgotten.add(entry.key);
                }
            });
        }
        forgotten.forEach(journeys::delete);
        ReportedWait reported = state.reported() == null ? null
                : ReportedWait.of(state.reported(), now, settings.reportedStaleAfter());
        SeriesReading reading = state.reading(current, now, settings.rules(),
                settings.freeFlowMinutes(seriesKey.crossingId()), reported);
        if (!settings.publication().due(reading, state.lastPublished(), state.lastPublishedAt(), now)) {
            return state;
        }
        CrossingDelayUpdated event = reading.toEvent(seriesKey, now);
        Deque<SpanContext> changes = unpublishedChanges.remove(key);
        Span span = tracing.publication(key, changes == null ? List.of() : changes);
        try {
            Record<String, CrossingDelayUpdated> publication = new Record<>(key, event, now.toEpochMilli());
            AnalyzerTracing.carry(span, publication.headers());
            context.forward(publication);
        } finally {
            span.end();
        }
        if (state.unpublishedSince() != null) {
            metrics.endToEndLag("crossing-delays", Duration.between(state.unpublishedSince(), now));
        }
        return state.published(reading, now);
    }

    private void remember(String key, SpanContext change) {
        Deque<SpanContext> changes = unpublishedChanges.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (changes.size() == MAX_LINKS) {
            changes.removeFirst();
        }
        changes.addLast(change);
    }

    private static String journeyKey(String seriesKey, String shipmentId) {
        return seriesKey + "|" + shipmentId;
    }
}
