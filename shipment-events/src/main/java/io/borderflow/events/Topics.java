package io.borderflow.events;

/** Kafka topic names. A topic's version suffix changes only with an incompatible schema change. */
public final class Topics {

    /** {@link ShipmentEvent}s keyed by shipmentId; compacted, written by the ingest outbox relay. */
    public static final String SHIPMENTS = "shipments.v1";
    /** {@link CheckpointRecorded} keyed by shipmentId, so one shipment's events stay in one partition. */
    public static final String CHECKPOINTS = "checkpoints.v1";
    /** {@link CrossingDelayUpdated} keyed by {@link SeriesKey}; compacted: the latest statistics per series. */
    public static final String CROSSING_DELAYS = "crossing-delays.v1";
    /** {@link ShipmentDelayUpdated} keyed by shipmentId. */
    public static final String SHIPMENT_DELAYS = "shipment-delays.v1";
    /** {@link AlertStateChanged} keyed by the alert fingerprint. */
    public static final String ALERTS = "alerts.v1";

    public static final int CHECKPOINT_PARTITIONS = 12;

    /** Dead-letter topic of a source topic: the original bytes, with headers that say why. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
