package io.borderflow.analyzer.service;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.SeriesKey;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CBP's latest reported reading of every series, materialized locally from the compacted {@code border-waits.v1}
 * beside the measured {@link CrossingDelayBoard}: every instance holds all of them.
 */
@ApplicationScoped
public class ReportedWaitBoard {

    private final Map<SeriesKey, BorderWaitReported> latest = new ConcurrentHashMap<>();
    private final BroadcastProcessor<BorderWaitReported> updates = BroadcastProcessor.create();

    /** Keeps a reading unless a later one of the series is already known (a replay never moves back in time). */
    public void accept(BorderWaitReported reading) {
        BorderWaitReported kept = latest.merge(reading.series(), reading,
                (known, incoming) -> incoming.occurredAt().isBefore(known.occurredAt()) ? known : incoming);
        if (kept == reading) {
            updates.onNext(reading);
        }
    }

    /** Every accepted reading from now on; a subscriber too far behind is failed, as on the measured board. */
    public Multi<BorderWaitReported> updates() {
        return updates.onOverflow().buffer(CrossingDelayBoard.MAX_BEHIND);
    }

    public Optional<BorderWaitReported> of(SeriesKey series) {
        return Optional.ofNullable(latest.get(series));
    }

    public List<BorderWaitReported> ofCrossing(String crossingId) {
        return latest.values().stream().filter(r -> r.crossingId().equals(crossingId)).toList();
    }
}
