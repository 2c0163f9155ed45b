package io.borderflow.events.catalog;

/**
 * The three geofences of one crossing and direction, in the order a truck passes them — the GPS counterparts of
 * the RFID readers R1 (queue), R2 (primary) and R3 (exit).
 */
public enum GeofenceZone {
    /** The commercial queue on the departure side, up to the crossing point. */
    QUEUE,
    /** The entry country's primary inspection booths. */
    PRIMARY_INSPECTION,
    /** The port's last facilities (e.g. Texas DPS safety inspection); leaving them on the far side is the exit. */
    EXIT
}
