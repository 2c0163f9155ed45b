package io.borderflow.events;

/** What reported a checkpoint. */
public enum CheckpointSource {
    RFID,
    GPS_GEOFENCE,
    CARRIER_APP,
    EDI,
    MANUAL
}
