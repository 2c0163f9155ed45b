package io.borderflow.analyzer.domain;

import io.borderflow.events.SeriesKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What the analyzer keeps of one series: the latest summary of each journey that can still count, the
 * latest checkpoint time, and what was published last.
 *
 * @param journeys          by shipmentId; a journey's summary is replaced whole, so arrival order does not matter
 * @param unpublishedSince  event time of the oldest checkpoint not yet reflected in a publication (for the lag metric)
 */
public record SeriesState(
        SeriesKey series,
        Map<String, JourneySummary> journeys,
        Instant lastCheckpointAt,
        SeriesReading lastPublished,
        Instant lastPublishedAt,
        Instant unpublishedSince) {

    public SeriesState {
        journeys = Map.copyOf(journeys);
    }

    public static SeriesState empty(SeriesKey series) {
        return new SeriesState(series, Map.of(), null, null, null, null);
    }

    /** The journey's new summary, or its removal ({@code summary} null) when it moved to another series. */
    public SeriesState apply(String shipmentId, JourneySummary summary, Instant checkpointAt) {
        Map<String, JourneySummary> next = new HashMap<>(journeys);
        if (summary == null) {
            next.remove(shipmentId);
            return new SeriesState(series, next, lastCheckpointAt, lastPublished, lastPublishedAt, unpublishedSince);
        }
        next.put(shipmentId, summary);
        return new SeriesState(series, next, later(lastCheckpointAt, checkpointAt), lastPublished, lastPublishedAt,
                unpublishedSince == null || checkpointAt.isBefore(unpublishedSince) ? checkpointAt : unpublishedSince);
    }

    public SeriesReading reading(Instant now, DelayRules rules, double freeFlowMinutes) {
        return SeriesStatistics.compute(journeys.values(), lastCheckpointAt, now, rules, freeFlowMinutes);
    }

    /** Forgets journeys that can no longer count: no sample that may be in a window, not in the queue. */
    public SeriesState pruned(Instant now, DelayRules rules) {
        Map<String, JourneySummary> kept = new HashMap<>();
        journeys.forEach((id, journey) -> {
            boolean waitCounts = journey.waitTime().isPresent() && rules.mayStillCount(journey.primaryInspectionAt(), now);
            boolean crossingCounts = journey.crossingTime().isPresent() && rules.mayStillCount(journey.portExitedAt(), now);
            if (waitCounts || crossingCounts || journey.queued(now, rules)
                    || (!journey.exited() && !journey.stalled(now, rules))) {
                kept.put(id, journey);
            }
        });
        return new SeriesState(series, kept, lastCheckpointAt, lastPublished, lastPublishedAt, unpublishedSince);
    }

    public SeriesState published(SeriesReading reading, Instant at) {
        return new SeriesState(series, journeys, lastCheckpointAt, reading, at, null);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
