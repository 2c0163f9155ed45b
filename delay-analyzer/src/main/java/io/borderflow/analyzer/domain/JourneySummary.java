package io.borderflow.analyzer.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The milestones of one shipment's crossing (R1 queue entry, R2 primary inspection, R3 port exit) and
 * the times derived from them. This is what a series needs of a journey; it is replaced as a whole
 * whenever the journey changes, so arrival order does not matter. Which shipment it is, is the business of whoever
 * keeps it (the series' store keys it by shipmentId).
 *
 * @param queueEnteredAt      first QUEUE_ENTERED in event time, or null
 * @param primaryInspectionAt first PRIMARY_INSPECTION in event time, or null
 * @param portExitedAt        first PORT_EXITED in event time, or null
 * @param lastCheckpointAt    latest event time of any checkpoint of the journey
 * @param leftQueueAt         first checkpoint at or past primary inspection (PRIMARY_INSPECTION, SECONDARY_*,
 *                            PORT_EXITED): a missed R2 read does not keep a truck "queued" once it shows up later
 */
public record JourneySummary(
        Instant queueEnteredAt,
        Instant primaryInspectionAt,
        Instant portExitedAt,
        Instant lastCheckpointAt,
        Instant leftQueueAt) {

    /** For journeys whose only checkpoints past the queue are the reader milestones R2 and R3. */
    public JourneySummary(Instant queueEnteredAt, Instant primaryInspectionAt, Instant portExitedAt,
            Instant lastCheckpointAt) {
        this(queueEnteredAt, primaryInspectionAt, portExitedAt, lastCheckpointAt,
                primaryInspectionAt != null ? primaryInspectionAt : portExitedAt);
    }

    /** wait time = PRIMARY_INSPECTION − QUEUE_ENTERED; absent until both exist or if they contradict. */
    public Optional<Duration> waitTime() {
        return between(queueEnteredAt, primaryInspectionAt);
    }

    /** crossing time = PORT_EXITED − QUEUE_ENTERED; absent until both exist or if they contradict. */
    public Optional<Duration> crossingTime() {
        return between(queueEnteredAt, portExitedAt);
    }

    public boolean exited() {
        return portExitedAt != null;
    }

    public boolean stalled(Instant now, DelayRules rules) {
        return rules.stalled(lastCheckpointAt, exited(), now);
    }

    /** Past the queue: reached primary inspection, or a checkpoint that only comes after it. */
    public boolean leftQueue() {
        return leftQueueAt != null;
    }

    /** In the queue: joined it, not yet past primary inspection, and not stalled. */
    public boolean queued(Instant now, DelayRules rules) {
        return queueEnteredAt != null && !leftQueue() && !stalled(now, rules);
    }

    /**
     * Whether this journey can still count in a window ending now or later: a sample that may be in a
     * window, or still in the queue or the port and not stalled. The others can be forgotten by the series
     * (a later checkpoint brings the journey back whole).
     */
    public boolean canStillCount(Instant now, DelayRules rules) {
        boolean waitCounts = waitTime().isPresent() && rules.mayStillCount(primaryInspectionAt, now);
        boolean crossingCounts = crossingTime().isPresent() && rules.mayStillCount(portExitedAt, now);
        return waitCounts || crossingCounts || (!exited() && !stalled(now, rules));
    }

    /**
     * A reader out of order (R2 or R3 stamped before R1) yields a negative time: that is a sensor
     * fault, not a sample, and it is left out rather than pulling the statistics down.
     */
    private static Optional<Duration> between(Instant from, Instant to) {
        if (from == null || to == null || to.isBefore(from)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(from, to));
    }
}
