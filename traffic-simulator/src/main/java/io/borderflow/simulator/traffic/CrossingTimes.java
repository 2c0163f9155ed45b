package io.borderflow.simulator.traffic;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;

/**
 * Typical times at a crossing, calibrated on FHWA's published northbound figures: mean crossing times of
 * 40–73 min at Bridge of the Americas and Pharr (2011–12 RFID), 37 min at Ysleta–Zaragoza (2001) with a
 * 7.6 min free-flow, and a 95th percentile about twice the mean over a survey period.
 *
 * <p>A crossing's typical northbound crossing time grows with its trucks per commercial lane: from 30 min at a
 * quiet port to 65 min at the most loaded ones. Most of it is the queue wait; the rest is primary inspection
 * plus the exit facilities (Texas DPS safety inspection), about 10 min. Southbound trucks meet a shorter
 * export queue (FHWA 2001 outbound average 9.3 min plus exit).
 */
public final class CrossingTimes {

    /** Minutes from primary inspection to the port exit, northbound (booth plus state safety inspection). */
    public static final double NORTHBOUND_AFTER_PRIMARY_MINUTES = 10;
    /** Minutes from primary inspection to the port exit, southbound (Mexican customs booth and exit). */
    public static final double SOUTHBOUND_AFTER_PRIMARY_MINUTES = 5;

    private static final double TRUCKS_PER_LANE_FOR_BUSY = 100_000;

    /** Typical northbound STANDARD crossing time (queue entry to port exit) of an average open hour. */
    public double northboundCrossingMinutes(Crossing crossing) {
        double trucksPerLane = (double) crossing.northboundTrucksPerYear() / Math.max(1, crossing.maxCommercialLanes());
        double utilisation = Math.min(1.9, trucksPerLane / TRUCKS_PER_LANE_FOR_BUSY);
        return 28 + 15 * utilisation;
    }

    /** Typical queue wait of an average open hour for one series. */
    public double typicalWaitMinutes(Crossing crossing, Direction direction, LaneType lane) {
        if (direction == Direction.SOUTHBOUND) {
            return Math.max(6, 0.35 * northboundCrossingMinutes(crossing) - SOUTHBOUND_AFTER_PRIMARY_MINUTES);
        }
        double wait = northboundCrossingMinutes(crossing) - NORTHBOUND_AFTER_PRIMARY_MINUTES;
        // FAST lanes are for pre-vetted carriers and drivers: a shorter line, not a shorter inspection
        return lane == LaneType.FAST ? 0.5 * wait : wait;
    }

    public double afterPrimaryMinutes(Direction direction) {
        return direction == Direction.NORTHBOUND ? NORTHBOUND_AFTER_PRIMARY_MINUTES : SOUTHBOUND_AFTER_PRIMARY_MINUTES;
    }

    /** FAST lanes exist at the bigger commercial crossings only. */
    public boolean hasFastLanes(Crossing crossing) {
        return crossing.maxCommercialLanes() >= 3;
    }
}
