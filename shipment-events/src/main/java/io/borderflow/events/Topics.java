package io.borderflow.events;

import static io.borderflow.events.TopicDefinition.Cleanup.COMPACT;
import static io.borderflow.events.TopicDefinition.Cleanup.DELETE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** What the records of each of {@link #SOURCES} are (their bodies read as this type); TopicsTest keeps both equal. */
    private static final Map<String, Class<? extends Event>> EVENT_TYPES = Map.of(
            SHIPMENTS, ShipmentEvent.class,
            CHECKPOINTS, CheckpointRecorded.class,
            CROSSING_DELAYS, CrossingDelayUpdated.class,
            SHIPMENT_DELAYS, ShipmentDelayUpdated.class,
            ALERTS, AlertStateChanged.class,
            BORDER_WAITS, BorderWaitReported.class,
            POSITIONS, PositionReported.class);

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** Dead-letter topic of a source topic: the original bytes, with headers that say why. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Whether the topic is one of the dead-letter topics of {@link #ALL}. */
    public static boolean isDeadLetter(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX) && EVENT_TYPES.containsKey(sourceOf(topic));
    }

    /**
     * The event type a BorderFlow topic carries (a dead-letter topic: its source topic's); empty for any other
     * topic, such as Kafka Streams' internal ones.
     */
    public static Optional<Class<? extends Event>> eventType(String topic) {
        return Optional.ofNullable(EVENT_TYPES.get(sourceOf(topic)));
    }

    private static String sourceOf(String topic) {
        return topic.endsWith(DEAD_LETTER_SUFFIX) ? topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length()) : topic;
    }

    private Topics() {
    }
}
