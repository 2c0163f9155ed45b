package io.borderflow.events;

public enum LaneType {
    STANDARD,
    /** Free and Secure Trade lanes for pre-approved carriers and drivers. */
    FAST
}
