package io.borderflow.analyzer.rest;

import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.catalog.Crossing;
import java.util.List;

/** A crossing of the catalog with its current series; {@code hasData} is false, not zeros, when it has none. */
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

    public static CrossingView of(Crossing crossing, List<CrossingDelayUpdated> updates) {
        List<SeriesView> series = updates.stream().map(u -> SeriesView.of(u, crossing.zone())).toList();
        return new CrossingView(crossing.id(), crossing.name(), crossing.cbpPortCode(), crossing.usCity(),
                crossing.usState(), crossing.mxCity(), crossing.mxState(), crossing.zone().getId(),
                crossing.location().latitude(), crossing.location().longitude(), crossing.maxCommercialLanes(),
                crossing.northboundTrucksPerYear(), crossing.freeFlowMinutes(), !series.isEmpty(), series);
    }
}
