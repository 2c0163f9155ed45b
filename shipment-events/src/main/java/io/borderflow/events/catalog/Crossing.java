package io.borderflow.events.catalog;

import io.borderflow.events.GeoPoint;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One commercial crossing of the US–Mexico border.
 *
 * @param id                      stable slug, e.g. {@code laredo-world-trade-bridge}
 * @param cbpPortCode             CBP port code; several crossings can share one port (Laredo 2304)
 * @param cbpWaitTimesPortNumber  the crossing's number in the CBP Border Wait Times feed
 * @param zone                    the crossing's own time zone: local times and hour-of-week profiles use it
 * @param maxCommercialLanes      commercial primary inspection lanes at most
 * @param northboundTrucksPerYear annual northbound trucks (TxDOT/UNT 2024 per bridge, BTS per port elsewhere)
 * @param freeFlow                crossing time with no queue; average delay is measured against it
 * @param commercialHours         when the commercial (cargo) lanes are open, per day of the week, local time
 * @param fastLanes               whether the crossing has FAST lanes (CBP's Border Wait Times feed reports FAST lanes
 *                                for it)
 */
public record Crossing(
        String id,
        String name,
        String cbpPortCode,
        String cbpWaitTimesPortNumber,
        String usState,
        String usCity,
        String mxCity,
        String mxState,
        ZoneId zone,
        GeoPoint location,
        int maxCommercialLanes,
        long northboundTrucksPerYear,
        Duration freeFlow,
        CommercialHours commercialHours,
        boolean fastLanes) {

    public Crossing withFreeFlow(Duration freeFlow) {
        return new Crossing(id, name, cbpPortCode, cbpWaitTimesPortNumber, usState, usCity, mxCity, mxState,
                zone, location, maxCommercialLanes, northboundTrucksPerYear, freeFlow, commercialHours, fastLanes);
    }

    public double freeFlowMinutes() {
        return freeFlow.toSeconds() / 60.0;
    }
}
