package io.borderflow.analyzer.domain;

import io.borderflow.events.SampleStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The measures of one series (crossing × direction × lane type) over the sliding window W ending now,
 * as defined by FHWA/TTI for RFID-measured border crossing times:
 * <ul>
 * <li>samples: wait (crossing) times of the journeys whose PRIMARY_INSPECTION (PORT_EXITED) is in (now − W, now];</li>
 * <li>count, mean and nearest-rank p50/p85/p95 of each;</li>
 * <li>buffer time = p95 − mean crossing time; buffer index = buffer time ÷ mean crossing time;</li>
 * <li>average delay = mean crossing time − free-flow crossing time;</li>
 * <li>queued now, oldest queued, and live wait = max(p50 wait time, oldest queued);</li>
 * <li>stale: no checkpoint at the series for stale-after — its own state, never a 0.</li>
 * </ul>
 */
public final class SeriesStatistics {

    public static SeriesReading compute(Iterable<JourneySummary> journeys, Instant lastCheckpointAt, Instant now,
            DelayRules rules, double freeFlowMinutes) {
        List<Double> waits = new ArrayList<>();
        List<Double> crossings = new ArrayList<>();
        int queuedNow = 0;
        Instant oldestQueueEntry = null;
        for (JourneySummary journey : journeys) {
            sample(journey.waitTime(), journey.primaryInspectionAt(), now, rules).ifPresent(waits::add);
            sample(journey.crossingTime(), journey.portExitedAt(), now, rules).ifPresent(crossings::add);
            if (journey.queued(now, rules)) {
                queuedNow++;
                if (oldestQueueEntry == null || journey.queueEnteredAt().isBefore(oldestQueueEntry)) {
                    oldestQueueEntry = journey.queueEnteredAt();
                }
            }
        }
        SampleStatistics waitTime = Percentiles.summarize(waits);
        SampleStatistics crossingTime = Percentiles.summarize(crossings);
        Double oldestQueued = oldestQueueEntry == null ? null : Math.max(0, Minutes.between(oldestQueueEntry, now));
        Double mean = crossingTime.meanMinutes();
        Double bufferTime = mean == null ? null : crossingTime.p95Minutes() - mean;
        return new SeriesReading(
                rules.windowMinutes(),
                waitTime,
                crossingTime,
                queuedNow,
                oldestQueued,
                maxOfKnown(waitTime.p50Minutes(), oldestQueued),
                freeFlowMinutes,
                mean == null ? null : mean - freeFlowMinutes,
                bufferTime,
                bufferTime == null || mean == 0 ? null : bufferTime / mean,
                lastCheckpointAt != null && rules.stale(lastCheckpointAt, now),
                lastCheckpointAt,
                null);
    }

    private static Optional<Double> sample(Optional<Duration> time, Instant completedAt, Instant now, DelayRules rules) {
        return time.filter(t -> rules.inWindow(completedAt, now)).map(Minutes::of);
    }

    /** Live wait: the larger of what trucks that just reached primary waited and what the oldest queued one has waited so far. */
    private static Double maxOfKnown(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }

    private SeriesStatistics() {
    }
}
