package io.borderflow.events;

/** Where a shipment stands in its crossing, derived from its checkpoints in event-time order. */
public enum JourneyStatus {
    /** Registered, no checkpoint yet. */
    PLANNED,
    /** Joined the queue, not yet at primary inspection. */
    QUEUED,
    /** Reached primary inspection (or secondary), not yet out of the port. */
    IN_INSPECTION,
    /** Left the port: the crossing is complete. */
    EXITED,
    /** No checkpoint for longer than stall-after and not exited. */
    STALLED
}
