package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.domain.JourneySummary;
import io.borderflow.events.SeriesKey;
import java.time.Instant;

/**
 * A journey's new summary for its series, or its removal from a series it left (summary null). Sent
 * through the repartition topic keyed by the series.
 *
 * @param checkpointAt event time of the checkpoint that caused the change (null for a removal)
 */
public record SeriesChange(SeriesKey series, String shipmentId, JourneySummary summary, Instant checkpointAt) {

    static SeriesChange update(SeriesKey series, JourneySummary summary, Instant checkpointAt) {
        return new SeriesChange(series, summary.shipmentId(), summary, checkpointAt);
    }

    static SeriesChange removal(SeriesKey series, String shipmentId) {
        return new SeriesChange(series, shipmentId, null, null);
    }
}
