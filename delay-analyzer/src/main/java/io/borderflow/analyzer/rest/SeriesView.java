package io.borderflow.analyzer.rest;

import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SampleStatistics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One series of a crossing as the API shows it; measures without data are null, never 0. */
public record SeriesView(
        Direction direction,
        LaneType laneType,
        Instant asOf,
        String asOfLocal,
        boolean stale,
        Instant lastCheckpointAt,
        int windowMinutes,
        Double liveWaitMinutes,
        int queuedNow,
        Double oldestQueuedMinutes,
        SampleStatistics waitTime,
        SampleStatistics crossingTime,
        double freeFlowMinutes,
        Double averageDelayMinutes,
        Double bufferTimeMinutes,
        Double bufferIndex) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    public static SeriesView of(CrossingDelayUpdated update, ZoneId zone) {
        return new SeriesView(update.direction(), update.laneType(), update.occurredAt(),
                LOCAL.format(LocalDateTime.ofInstant(update.occurredAt(), zone)), update.stale(),
                update.lastCheckpointAt(), update.windowMinutes(), update.liveWaitMinutes(), update.queuedNow(),
                update.oldestQueuedMinutes(), update.waitTime(), update.crossingTime(), update.freeFlowMinutes(),
                update.averageDelayMinutes(), update.bufferTimeMinutes(), update.bufferIndex());
    }
}
