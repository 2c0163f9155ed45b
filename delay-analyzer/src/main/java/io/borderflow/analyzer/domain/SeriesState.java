package io.borderflow.analyzer.domain;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.SeriesKey;
import java.time.Instant;

/**
 * What the analyzer keeps of one series besides its journeys (which are stored one per entry, so a
 * checkpoint rewrites one small summary, not the whole series): the latest checkpoint time, CBP's latest
 * reading of the series and what was published last. A series only CBP reports has a state too: it is
 * published with empty measures and the reading.
 *
 * @param unpublishedSince event time of the oldest checkpoint not yet reflected in a publication (for the lag metric)
 * @param reported         CBP's latest reading of the series, as on {@code border-waits.v1}; null when there is none
 */
public record SeriesState(
        SeriesKey series,
        Instant lastCheckpointAt,
        SeriesReading lastPublished,
        Instant lastPublishedAt,
        Instant unpublishedSince,
        BorderWaitReported reported) {

    public static SeriesState empty(SeriesKey series) {
        return new SeriesState(series, null, null, null, null, null);
    }

    public SeriesState withCheckpoint(Instant checkpointAt) {
        Instant latest = lastCheckpointAt == null || checkpointAt.isAfter(lastCheckpointAt) ? checkpointAt : lastCheckpointAt;
        Instant oldestUnpublished = unpublishedSince == null || checkpointAt.isBefore(unpublishedSince)
                ? checkpointAt : unpublishedSince;
        return new SeriesState(series, latest, lastPublished, lastPublishedAt, oldestUnpublished, reported);
    }

    /** Keeps CBP's reading unless a later one is already known: a replayed reading never moves back in time. */
    public SeriesState withReported(BorderWaitReported reading) {
        if (reported != null && reading.occurredAt().isBefore(reported.occurredAt())) {
            return this;
        }
        return new SeriesState(series, lastCheckpointAt, lastPublished, lastPublishedAt, unpublishedSince, reading);
    }

    /** The measures over {@code journeys} with CBP's reading beside them, as of {@code now}. */
    public SeriesReading reading(Iterable<JourneySummary> journeys, Instant now, DelayRules rules, double freeFlowMinutes,
            ReportedWait reportedNow) {
        return SeriesStatistics.compute(journeys, lastCheckpointAt, now, rules, freeFlowMinutes)
                .withReportedWait(reportedNow == null ? null : reportedNow.currentWaitMinutes());
    }

    public SeriesState published(SeriesReading reading, Instant at) {
        return new SeriesState(series, lastCheckpointAt, reading, at, null, reported);
    }
}
