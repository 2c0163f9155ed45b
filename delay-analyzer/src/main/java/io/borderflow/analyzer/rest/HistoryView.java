package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.repository.DelayBin;
import io.borderflow.analyzer.service.DelayTrendService.SeriesBins;
import io.borderflow.analyzer.service.DelayTrendService.Step;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import java.time.Instant;
import java.util.List;

/** The trend of a crossing's series at one step. */
public record HistoryView(String crossingId, Instant from, Instant to, String step, List<Series> series) {

    public record Series(Direction direction, LaneType laneType, List<Point> points) {
    }

    /**
     * The statistics as they stood at the end of the step starting at {@code at}; samples = crossing-time samples.
     * {@code reportedWaitMinutes}: CBP's reported wait in effect then. A step where only CBP reported has the
     * measured numbers null (and 0 samples, 0 queued).
     */
    public record Point(Instant at, Double liveWaitMinutes, Double waitP50Minutes, Double crossingP50Minutes,
            Double crossingP95Minutes, int queuedNow, int samples, Integer reportedWaitMinutes) {
    }

    public static HistoryView of(String crossingId, Instant from, Instant to, String step,
            List<SeriesBins> series) {
        return new HistoryView(crossingId, from, to, step, series.stream().map(s -> new Series(s.direction(),
                s.laneType(), s.steps().stream().map(HistoryView::point).toList())).toList());
    }

    private static Point point(Step step) {
        DelayBin bin = step.bin();
        if (bin == null) {
            return new Point(step.start(), null, null, null, null, 0, 0, step.reportedWaitMinutes());
        }
        return new Point(step.start(), bin.liveWaitMinutes(), bin.waitP50Minutes(), bin.crossingP50Minutes(),
                bin.crossingP95Minutes(), bin.queuedNow(), bin.samples(), step.reportedWaitMinutes());
    }
}
