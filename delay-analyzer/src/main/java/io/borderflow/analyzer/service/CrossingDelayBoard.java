package io.borderflow.analyzer.service;

import io.borderflow.analyzer.streams.AnalyzerMetrics;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest statistics of every series, materialized locally from the compacted
 * {@code crossing-delays.v1}: every instance holds all series, so any instance answers any query,
 * whichever instance's stream task computed them.
 */
@ApplicationScoped
public class CrossingDelayBoard {

    private static final Comparator<CrossingDelayUpdated> SERIES_ORDER = Comparator
            .comparing((CrossingDelayUpdated u) -> u.direction()).thenComparing(CrossingDelayUpdated::laneType);

    static final int MAX_BEHIND = 1024;

    private final Map<SeriesKey, CrossingDelayUpdated> latest = new ConcurrentHashMap<>();
    private final BroadcastProcessor<CrossingDelayUpdated> updates = BroadcastProcessor.create();
    private final AnalyzerMetrics metrics;

    CrossingDelayBoard(AnalyzerMetrics metrics) {
        this.metrics = metrics;
    }

    /** Keeps an update unless a later one for the series is already known (a replay never moves back in time). */
    public void accept(CrossingDelayUpdated update) {
        CrossingDelayUpdated kept = latest.merge(update.series(), update,
                (known, incoming) -> incoming.occurredAt().isBefore(known.occurredAt()) ? known : incoming);
        if (kept == update) {
            metrics.seriesUpdated(update);
            updates.onNext(update);
        }
    }

    public Optional<CrossingDelayUpdated> of(SeriesKey series) {
        return Optional.ofNullable(latest.get(series));
    }

    public List<CrossingDelayUpdated> seriesOf(String crossingId) {
        return latest.values().stream().filter(u -> u.crossingId().equals(crossingId)).sorted(SERIES_ORDER).toList();
    }

    /**
     * Every accepted update from now on. A subscriber that falls more than {@value #MAX_BEHIND} updates
     * behind is failed (its client reconnects and reloads) instead of buffering without bound.
     */
    public Multi<CrossingDelayUpdated> updates() {
        return updates.onOverflow().buffer(MAX_BEHIND);
    }
}
