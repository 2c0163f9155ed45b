package io.borderflow.analyzer.domain.advice;

import io.borderflow.events.catalog.Crossing;
import java.time.Instant;
import java.util.List;

/**
 * One candidate crossing with every part of its expected door-to-door time.
 *
 * @param rank               1 for the best; null when the total is unknown or the crossing is excluded
 * @param excludedBecause    why the crossing cannot be used; null when it can
 * @param totalMinutes       drive to it + wait for opening + expected wait + crossing time + drive on; null when
 *                           any part is unknown or the crossing is excluded
 * @param arrivalAt          when the truck reaches the crossing
 * @param queueJoinAt        when it can join the queue: the arrival, or the next opening when closed then
 * @param waitForOpeningMinutes time spent waiting for the lanes to open (0 when open at arrival)
 * @param crossingTimeMinutes   crossing time beyond the wait (primary inspection → port exit)
 * @param flags              notes on how the numbers were reached (e.g. {@code CLOSED_AT_ARRIVAL})
 */
public record RankedCrossing(
        Crossing crossing,
        Integer rank,
        Exclusion excludedBecause,
        Double totalMinutes,
        Instant arrivalAt,
        Instant queueJoinAt,
        DriveTimeEstimate.Drive driveToCrossing,
        double waitForOpeningMinutes,
        ExpectedWait expectedWait,
        double crossingTimeMinutes,
        WaitSource crossingTimeSource,
        DriveTimeEstimate.Drive driveToDestination,
        List<Flag> flags) {

    public enum Exclusion {
        /** FAST asked for, and the crossing has no FAST lanes */
        NO_FAST_LANES,
        /** CBP currently reports this series' lanes closed, for an arrival within the live horizon */
        LANES_CLOSED
    }

    public enum Flag {
        /** the lanes are closed when the truck arrives: it waits for the next opening */
        CLOSED_AT_ARRIVAL,
        /** the measured series is stale: its live numbers were not used */
        MEASURED_STALE,
        /** no measured wait: CBP's reported wait (an officer's estimate) was used */
        CBP_REPORTED_WAIT,
        /** no wait is known for this crossing at that time: no total */
        NO_WAIT_DATA
    }

    RankedCrossing withRank(Integer rank) {
        return new RankedCrossing(crossing, rank, excludedBecause, totalMinutes, arrivalAt, queueJoinAt,
                driveToCrossing, waitForOpeningMinutes, expectedWait, crossingTimeMinutes, crossingTimeSource,
                driveToDestination, flags);
    }
}
