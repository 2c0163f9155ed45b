package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.domain.JourneySummary;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.SeriesKey;
import java.time.Instant;

/**
 * What changed in a series, sent through the repartition topic keyed by the series: a journey's new summary,
 * its removal from a series it left (summary null), or CBP's new reading of the series ({@code reported}; the
 * journey fields are null).
 *
 * @param checkpointAt event time of the checkpoint that caused the change (null for a removal or a reading)
 */
public record SeriesChange(SeriesKey series, String shipmentId, JourneySummary summary, Instant checkpointAt,
        BorderWaitReported reported) {

    public SeriesChange(SeriesKey series, String shipmentId, JourneySummary summary, Instant checkpointAt) {
        this(series, shipmentId, summary, checkpointAt, null);
    }

    static SeriesChange update(SeriesKey series, String shipmentId, JourneySummary summary, Instant checkpointAt) {
        return new SeriesChange(series, shipmentId, summary, checkpointAt);
    }

    static SeriesChange removal(SeriesKey series, String shipmentId) {
        return new SeriesChange(series, shipmentId, null, null);
    }

    public static SeriesChange reported(BorderWaitReported reading) {
        return new SeriesChange(reading.series(), null, null, null, reading);
    }

    public boolean isReported() {
        return reported != null;
    }
}
