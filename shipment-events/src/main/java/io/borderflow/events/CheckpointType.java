package io.borderflow.events;

/**
 * Checkpoints of a border crossing in journey order, after the TTI/FHWA RFID reader layout:
 * R1 queue entry, R2 primary inspection, R3 port exit.
 */
public enum CheckpointType {
    /** The truck joins the commercial queue on the departure side (R1). */
    QUEUE_ENTERED,
    /** Departure-country customs released the export (optional). */
    EXPORT_CLEARED,
    /** The truck reaches the entry-country primary inspection booth (R2). */
    PRIMARY_INSPECTION,
    /** Referred to secondary inspection (optional). */
    SECONDARY_REFERRED,
    /** Released from secondary inspection (optional). */
    SECONDARY_RELEASED,
    /** The truck leaves the port's last facility, e.g. the Texas DPS safety inspection exit (R3). */
    PORT_EXITED
}
