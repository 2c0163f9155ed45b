package io.borderflow.events;

import static io.borderflow.events.TopicDefinition.Cleanup.COMPACT;
import static io.borderflow.events.TopicDefinition.Cleanup.DELETE;

import java.util.List;
import java.util.stream.Stream;

/**
 * Kafka topic names, and the one list of BorderFlow's topics with their partitions and cleanup policy
 * ({@link #ALL}). A topic's version suffix changes only with an incompatible schema change.
 */
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
    /** {@link BorderWaitReported} keyed by {@link SeriesKey}; compacted: CBP's latest reading per series. */
    public static final String BORDER_WAITS = "border-waits.v1";
    /** {@link PositionReported} keyed by shipmentId: carriers' GPS pings, input of ingest's geofence derivation. */
    public static final String POSITIONS = "positions.v1";

    /** The unit of scale-out of the per-shipment topics: up to this many consumers share them. */
    public static final int CHECKPOINT_PARTITIONS = 12;

    /** The topics the services write and read, in flow order; each has a dead-letter topic, see {@link #ALL}. */
    public static final List<TopicDefinition> SOURCES = List.of(
            new TopicDefinition(SHIPMENTS, 3, COMPACT),
            new TopicDefinition(CHECKPOINTS, CHECKPOINT_PARTITIONS, DELETE),
            new TopicDefinition(CROSSING_DELAYS, 3, COMPACT),
            new TopicDefinition(SHIPMENT_DELAYS, CHECKPOINT_PARTITIONS, DELETE),
            new TopicDefinition(ALERTS, 3, DELETE),
            new TopicDefinition(BORDER_WAITS, 3, COMPACT),
            new TopicDefinition(POSITIONS, CHECKPOINT_PARTITIONS, DELETE));

    /** Every topic a deployment creates: {@link #SOURCES}, then their dead-letter topics. */
    public static final List<TopicDefinition> ALL = Stream.concat(SOURCES.stream(),
            SOURCES.stream().map(TopicDefinition::deadLetter)).toList();

    /** Dead-letter topic of a source topic: the original bytes, with headers that say why. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }

    private Topics() {
    }
}
