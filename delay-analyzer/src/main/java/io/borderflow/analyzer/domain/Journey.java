package io.borderflow.analyzer.domain;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.SeriesKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One shipment's crossing, built from its checkpoints in event-time order ({@code occurredAt}), never in
 * arrival order. A repeated eventId is the same fact reported twice and changes nothing.
 *
 * @param series        where the journey is measured: ingest stamps the shipment's current crossing,
 *                      direction and lane type on every checkpoint, so the latest received one decides
 * @param checkpoints   sorted by occurredAt; equal times keep arrival order
 * @param stallReported the stall was announced once already (reset by the next checkpoint)
 */
public record Journey(
        String shipmentId,
        String carrierId,
        SeriesKey series,
        List<Checkpoint> checkpoints,
        boolean stallReported) {

    private static final Comparator<Checkpoint> EVENT_TIME = Comparator.comparing(Checkpoint::occurredAt);
    /** Checkpoints a truck only reaches once it is out of the queue (EXPORT_CLEARED happens while queued). */
    private static final Set<CheckpointType> PAST_THE_QUEUE = EnumSet.of(CheckpointType.PRIMARY_INSPECTION,
            CheckpointType.SECONDARY_REFERRED, CheckpointType.SECONDARY_RELEASED, CheckpointType.PORT_EXITED);

    public Journey {
        checkpoints = List.copyOf(checkpoints);
    }

    public static Journey begin(CheckpointRecorded first) {
        return new Journey(first.shipmentId(), first.carrierId(), first.series(), List.of(), false).record(first);
    }

    public boolean hasSeen(UUID eventId) {
        return checkpoints.stream().anyMatch(c -> c.eventId().equals(eventId));
    }

    /** This journey with the checkpoint in its event-time place; a repeated eventId returns it unchanged. */
    public Journey record(CheckpointRecorded event) {
        if (hasSeen(event.eventId())) {
            return this;
        }
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.add(new Checkpoint(event.eventId(), event.checkpointType(), event.occurredAt()));
        sorted.sort(EVENT_TIME); // stable: equal occurredAt keep arrival order
        return new Journey(shipmentId, event.carrierId(), event.series(), sorted, false);
    }

    /** True if the event happened before a checkpoint this journey already has: it arrived out of order. */
    public boolean isOutOfOrder(CheckpointRecorded event) {
        return !checkpoints.isEmpty() && event.occurredAt().isBefore(lastCheckpointAt());
    }

    public Journey withStallReported() {
        return new Journey(shipmentId, carrierId, series, checkpoints, true);
    }

    public JourneySummary summary() {
        Instant leftQueueAt = checkpoints.stream().filter(c -> PAST_THE_QUEUE.contains(c.type()))
                .map(Checkpoint::occurredAt).findFirst().orElse(null);
        return new JourneySummary(firstAt(CheckpointType.QUEUE_ENTERED),
                firstAt(CheckpointType.PRIMARY_INSPECTION), firstAt(CheckpointType.PORT_EXITED), lastCheckpointAt(),
                leftQueueAt);
    }

    public Instant lastCheckpointAt() {
        return checkpoints.get(checkpoints.size() - 1).occurredAt();
    }

    public CheckpointType lastCheckpointType() {
        return checkpoints.get(checkpoints.size() - 1).type();
    }

    public boolean stalled(Instant now, DelayRules rules) {
        return summary().stalled(now, rules);
    }

    public JourneyStatus status(Instant now, DelayRules rules) {
        JourneySummary summary = summary();
        if (summary.exited()) {
            return JourneyStatus.EXITED;
        }
        if (summary.stalled(now, rules)) {
            return JourneyStatus.STALLED;
        }
        return summary.leftQueue() ? JourneyStatus.IN_INSPECTION : JourneyStatus.QUEUED;
    }

    /** The first occurrence in event time: a reader that fires twice does not move the milestone. */
    private Instant firstAt(CheckpointType type) {
        return checkpoints.stream().filter(c -> c.type() == type).map(Checkpoint::occurredAt).findFirst().orElse(null);
    }
}
