package io.borderflow.analyzer.domain.advice;

/** Where an expected wait (or crossing time) came from. */
public enum WaitSource {
    /** the series' live wait now: trucks' own checkpoints in the sliding window */
    LIVE,
    /** the live wait blended toward the hour-of-week profile, by how far away the arrival is */
    LIVE_AND_PROFILE,
    /** the hour-of-week profile at the arrival's local hour (30 days of 5-minute bins) */
    PROFILE,
    /** CBP's reported wait (an officer's estimate), used only where nothing measured exists */
    CBP_REPORTED,
    /** the crossing's free-flow crossing time (crossing time only) */
    FREE_FLOW,
    /** nothing known: the total is not computed, never taken as 0 */
    NONE
}
