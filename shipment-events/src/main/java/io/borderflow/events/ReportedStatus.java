package io.borderflow.events;

/** The state of one lane type at a port as CBP's Border Wait Times feed reports it. */
public enum ReportedStatus {
    /** "no delay": lanes open, a wait is reported (often 0 or 5 minutes). */
    NO_DELAY,
    /** "delay": lanes open, a wait is reported. */
    DELAY,
    /** "Lanes Closed": no lane of this type is open; there is no wait to report, which is not a wait of 0. */
    LANES_CLOSED,
    /** "Update Pending", a blank status or a wait that cannot be read: CBP does not say. Never a wait of 0. */
    UNKNOWN
}
