package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.repository.DelayBin;
import io.borderflow.analyzer.service.DelayTrendService.SeriesBins;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The trend of a crossing's series at one step. */
public record HistoryView(String crossingId, Instant from, Instant to, String step, List<Series> series) {

    public record Series(Direction direction, LaneType laneType, List<Point> points) {
    }

    /** The statistics as they stood at the end of the step starting at {@code at}; samples = crossing-time samples. */
    public record Point(Instant at, Double liveWaitMinutes, Double waitP50Minutes, Double crossingP50Minutes,
            Double crossingP95Minutes, int queuedNow, int samples) {
    }

    public static HistoryView of(String crossingId, Instant from, Instant to, String step, Duration stepLength,
            List<SeriesBins> series) {
        long stepMillis = stepLength.toMillis();
        return new HistoryView(crossingId, from, to, step, series.stream().map(s -> new Series(s.direction(),
                s.laneType(), s.bins().stream().map(bin -> point(bin, stepMillis)).toList())).toList());
    }

    private static Point point(DelayBin bin, long stepMillis) {
        Instant at = Instant.ofEpochMilli(Math.floorDiv(bin.id().binStart().toEpochMilli(), stepMillis) * stepMillis);
        return new Point(at, bin.liveWaitMinutes(), bin.waitP50Minutes(), bin.crossingP50Minutes(),
                bin.crossingP95Minutes(), bin.queuedNow(), bin.samples());
    }
}
