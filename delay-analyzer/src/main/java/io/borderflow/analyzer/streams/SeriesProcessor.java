package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.domain.SeriesReading;
import io.borderflow.analyzer.domain.SeriesState;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Series keyed by {@code crossingId/direction/laneType}: applies journey changes and publishes the
 * statistics when they change (at most once per min-interval) and on a wall-clock heartbeat, so the
 * window slides and staleness shows without new checkpoints.
 */
class SeriesProcessor implements Processor<String, SeriesChange, String, CrossingDelayUpdated> {

    static final String STORE = "series";

    private final AnalyzerSettings settings;
    private final Clock clock;
    private final AnalyzerMetrics metrics;
    private ProcessorContext<String, CrossingDelayUpdated> context;
    private KeyValueStore<String, SeriesState> series;

    SeriesProcessor(AnalyzerSettings settings, Clock clock, AnalyzerMetrics metrics) {
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CrossingDelayUpdated> context) {
        this.context = context;
        this.series = context.getStateStore(STORE);
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
        state = state.apply(change.shipmentId(), change.summary(), change.checkpointAt());
        series.put(record.key(), publishIfDue(record.key(), state, clock.instant()));
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
        SeriesReading reading = state.reading(now, settings.rules(), settings.freeFlowMinutes(seriesKey.crossingId()));
        if (!settings.publication().due(reading, state.lastPublished(), state.lastPublishedAt(), now)) {
            return state;
        }
        context.forward(new Record<>(key, reading.toEvent(seriesKey, now), now.toEpochMilli()));
        if (state.unpublishedSince() != null) {
            metrics.endToEndLag("crossing-delays", Duration.between(state.unpublishedSince(), now));
        }
        return state.published(reading, now).pruned(now, settings.rules());
    }
}
