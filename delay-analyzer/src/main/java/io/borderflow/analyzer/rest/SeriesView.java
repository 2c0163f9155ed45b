package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SampleStatistics;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * One series of a crossing as the API shows it; measures without data are null, never 0. {@code measured} is
 * false for a series only CBP reports (its measured numbers are all null); {@code reported} is CBP's reading,
 * null when CBP has none; {@code reportedMinusMeasuredMinutes} = reported wait − measured live wait, null unless
 * both are known and current.
 */
public record SeriesView(
        Direction direction,
        LaneType laneType,
        Instant asOf,
        String asOfLocal,
        boolean measured,
        boolean stale,
        Instant lastCheckpointAt,
        Integer windowMinutes,
        Double liveWaitMinutes,
        Integer queuedNow,
        Double oldestQueuedMinutes,
        SampleStatistics waitTime,
        SampleStatistics crossingTime,
        double freeFlowMinutes,
        Double averageDelayMinutes,
        Double bufferTimeMinutes,
        Double bufferIndex,
        ReportedWait reported,
        Double reportedMinusMeasuredMinutes) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** A measured series, with CBP's reading of it if there is one. */
    public static SeriesView of(CrossingDelayUpdated update, ZoneId zone, ReportedWait reported) {
        return new SeriesView(update.direction(), update.laneType(), update.occurredAt(),
                local(update.occurredAt(), zone), true, update.stale(),
                update.lastCheckpointAt(), update.windowMinutes(), update.liveWaitMinutes(), update.queuedNow(),
                update.oldestQueuedMinutes(), update.waitTime(), update.crossingTime(), update.freeFlowMinutes(),
                update.averageDelayMinutes(), update.bufferTimeMinutes(), update.bufferIndex(), reported,
                ReportedWait.reportedMinusMeasured(reported, update.liveWaitMinutes(), update.stale()));
    }

    /** A series only CBP reports: no measured number at all, as of CBP's reading. */
    public static SeriesView reportedOnly(Direction direction, LaneType laneType, Instant asOf, ZoneId zone,
            double freeFlowMinutes, ReportedWait reported) {
        return new SeriesView(direction, laneType, asOf, local(asOf, zone), false, false, null, null, null, null,
                null, null, null, freeFlowMinutes, null, null, null, reported, null);
    }

    private static String local(Instant at, ZoneId zone) {
        return LOCAL.format(LocalDateTime.ofInstant(at, zone));
    }
}
