package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.Journey;
import io.borderflow.analyzer.domain.ShipmentDelay;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.ShipmentDelayUpdated;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Journeys keyed by shipmentId: each new checkpoint updates the journey and announces the shipment's
 * delay and its series' new summary; a wall-clock punctuation announces stalls once and forgets
 * journeys after their retention.
 */
class JourneyProcessor implements Processor<String, CheckpointRecorded, String, JourneyChange> {

    static final String STORE = "journeys";

    private final AnalyzerSettings settings;
    private final DelayRules rules;
    private final Clock clock;
    private final AnalyzerMetrics metrics;
    private final AnalyzerTracing tracing;
    private ProcessorContext<String, JourneyChange> context;
    private KeyValueStore<String, Journey> journeys;

    JourneyProcessor(AnalyzerSettings settings, Clock clock, AnalyzerMetrics metrics, AnalyzerTracing tracing) {
        this.settings = settings;
        this.rules = settings.rules();
        this.clock = clock;
        this.metrics = metrics;
        this.tracing = tracing;
    }

    @Override
    public void init(ProcessorContext<String, JourneyChange> context) {
        this.context = context;
        this.journeys = context.getStateStore(STORE);
        context.schedule(settings.stallCheckInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> checkStalls());
    }

    @Override
    public void process(Record<String, CheckpointRecorded> record) {
        Span span = tracing.processing(record.headers());
        try (Scope scope = span.makeCurrent()) {
            apply(record, span);
        } finally {
            span.end();
        }
    }

    private void apply(Record<String, CheckpointRecorded> record, Span span) {
        CheckpointRecorded checkpoint = record.value();
        metrics.processed();
        Journey journey = journeys.get(checkpoint.shipmentId());
        if (journey != null && journey.hasSeen(checkpoint.eventId())) {
            metrics.duplicateIgnored();
            return;
        }
        Instant now = clock.instant();
        if (journey != null && journey.isOutOfOrder(checkpoint)) {
            metrics.late("out_of_order");
        }
        if (!rules.mayStillCount(checkpoint.occurredAt(), now)) {
            metrics.late("after_window");
        }
        SeriesKey previousSeries = journey == null ? null : journey.series();
        Journey next = journey == null ? Journey.begin(checkpoint) : journey.record(checkpoint);
        journeys.put(next.shipmentId(), next);

        List<SeriesChange> seriesChanges = new ArrayList<>(2);
        if (previousSeries != null && !previousSeries.equals(next.series())) {
            seriesChanges.add(SeriesChange.removal(previousSeries, next.shipmentId()));
        }
        seriesChanges.add(SeriesChange.update(next.series(), next.shipmentId(), next.summary(), checkpoint.occurredAt()));
        ShipmentDelayUpdated delay = delayOf(next, now, checkpoint.eventId().toString());
        // a copy of the checkpoint's headers, now naming this span: shipment-delays.v1 and the series follow it
        Record<String, JourneyChange> change = new Record<>(next.shipmentId(), new JourneyChange(delay, seriesChanges),
                now.toEpochMilli(), record.headers());
        AnalyzerTracing.carry(span, change.headers());
        context.forward(change);
        metrics.endToEndLag("shipment-delays", Duration.between(checkpoint.occurredAt(), now));
    }

    private void checkStalls() {
        Instant now = clock.instant();
        List<KeyValue<String, Journey>> stalled = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Journey> all = journeys.all()) {
            all.forEachRemaining(entry -> {
                Journey journey = entry.value;
                if (!now.isBefore(journey.lastCheckpointAt().plus(settings.journeyRetention()))) {
                    expired.add(entry.key);
                } else if (!journey.stallReported() && journey.stalled(now, rules)) {
                    stalled.add(KeyValue.pair(entry.key, journey.withStallReported()));
                }
            });
        }
        expired.forEach(journeys::delete);
        for (KeyValue<String, Journey> entry : stalled) {
            journeys.put(entry.key, entry.value);
            ShipmentDelayUpdated delay = delayOf(entry.value, now, "stalled|" + entry.value.lastCheckpointAt());
            context.forward(new Record<>(entry.key, new JourneyChange(delay, List.of()), now.toEpochMilli()));
            metrics.stalled();
        }
    }

    private ShipmentDelayUpdated delayOf(Journey journey, Instant now, String cause) {
        return ShipmentDelay.of(journey, now, rules, settings.freeFlowMinutes(journey.series().crossingId()), cause);
    }
}
