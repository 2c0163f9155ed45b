package io.borderflow.analyzer.domain;

import io.borderflow.events.SeriesKey;
import java.time.Instant;

/**
 * What the analyzer keeps of one series besides its journeys (which are stored one per entry, so a
 * checkpoint rewrites one small summary, not the whole series): the latest checkpoint time and what
 * was published last.
 *
 * @param unpublishedSince event time of the oldest checkpoint not yet reflected in a publication (for the lag metric)
 */
public record SeriesState(
        SeriesKey series,
        Instant lastCheckpointAt,
        SeriesReading lastPublished,
        Instant lastPublishedAt,
        Instant unpublishedSince) {

    public static SeriesState empty(SeriesKey series) {
        return new SeriesState(series, null, null, null, null);
    }

    public SeriesState withCheckpoint(Instant checkpointAt) {
        Instant latest = lastCheckpointAt == null || checkpointAt.isAfter(lastCheckpointAt) ? checkpointAt : lastCheckpointAt;
        Instant oldestUnpublished = unpublishedSince == null || checkpointAt.isBefore(unpublishedSince)
                ? checkpointAt : unpublishedSince;
        return new SeriesState(series, latest, lastPublished, lastPublishedAt, oldestUnpublished);
    }

    public SeriesReading reading(Iterable<JourneySummary> journeys, Instant now, DelayRules rules, double freeFlowMinutes) {
        return SeriesStatistics.compute(journeys, lastCheckpointAt, now, rules, freeFlowMinutes);
    }

    public SeriesState published(SeriesReading reading, Instant at) {
        return new SeriesState(series, lastCheckpointAt, reading, at, null);
    }
}
