package io.borderflow.ingest.domain.geofence;

/** Where a truck is on its way through a crossing, in the order it gets there (the ordinal is the progress). */
public enum Stage {
    /** In none of the zones and not past the exit: before the queue, beside it, or turned back. */
    OUTSIDE,
    QUEUE,
    PRIMARY_INSPECTION,
    EXIT,
    /** Outside every zone, past the exit zone's far edge: the truck has left the port. */
    BEYOND
}
