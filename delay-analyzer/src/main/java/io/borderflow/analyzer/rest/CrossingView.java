package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.Crossing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A crossing of the catalog with its current series, measured or reported by CBP; {@code hasData} is false, not
 * zeros, when it has neither.
 */
public record CrossingView(
        String id,
        String name,
        String cbpPortCode,
        String usCity,
        String usState,
        String mxCity,
        String mxState,
        String timeZone,
        double latitude,
        double longitude,
        int maxCommercialLanes,
        long northboundTrucksPerYear,
        double freeFlowMinutes,
        boolean hasData,
        List<SeriesView> series) {

    private static final Comparator<SeriesView> SERIES_ORDER = Comparator.comparing(SeriesView::direction)
            .thenComparing(SeriesView::laneType);

    /**
     * @param updates            the measured series' latest statistics
     * @param readings           CBP's latest readings of the crossing's series
     * @param now                what CBP's readings are stale against
     * @param reportedStaleAfter a reading older than this is stale
     */
    public static CrossingView of(Crossing crossing, List<CrossingDelayUpdated> updates,
            List<BorderWaitReported> readings, Instant now, Duration reportedStaleAfter) {
        Map<SeriesKey, BorderWaitReported> reportedBySeries = readings.stream()
                .collect(Collectors.toMap(BorderWaitReported::series, Function.identity()));
        List<SeriesView> series = new ArrayList<>();
        for (CrossingDelayUpdated update : updates) {
            BorderWaitReported reading = reportedBySeries.remove(update.series());
            series.add(SeriesView.of(update, crossing.zone(),
                    reading == null ? null : ReportedWait.of(reading, now, reportedStaleAfter)));
        }
        reportedBySeries.values().forEach(reading -> series.add(SeriesView.reportedOnly(reading.direction(),
                reading.laneType(), reading.occurredAt(), crossing.zone(), crossing.freeFlowMinutes(),
                ReportedWait.of(reading, now, reportedStaleAfter))));
        series.sort(SERIES_ORDER);
        return new CrossingView(crossing.id(), crossing.name(), crossing.cbpPortCode(), crossing.usCity(),
                crossing.usState(), crossing.mxCity(), crossing.mxState(), crossing.zone().getId(),
                crossing.location().latitude(), crossing.location().longitude(), crossing.maxCommercialLanes(),
                crossing.northboundTrucksPerYear(), crossing.freeFlowMinutes(), !series.isEmpty(),
                List.copyOf(series));
    }
}
