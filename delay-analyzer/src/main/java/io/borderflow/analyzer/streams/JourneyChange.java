package io.borderflow.analyzer.streams;

import io.borderflow.events.ShipmentDelayUpdated;
import java.util.List;

/** What a journey's change means downstream: the shipment's delay, and the series it touches. */
record JourneyChange(ShipmentDelayUpdated delay, List<SeriesChange> seriesChanges) {
}
