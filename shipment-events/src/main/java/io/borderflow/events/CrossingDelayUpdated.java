package io.borderflow.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The statistics of one series (crossing × direction × lane type) over the sliding window that ends at
 * {@code occurredAt}, in FHWA/TTI terms. Measures without data are null, never 0.
 *
 * @param waitTime            PRIMARY_INSPECTION − QUEUE_ENTERED of the shipments that reached primary in the window
 * @param crossingTime        PORT_EXITED − QUEUE_ENTERED of the shipments that exited in the window
 * @param queuedNow           shipments in the queue (not at primary yet, not stalled)
 * @param oldestQueuedMinutes age of the longest-waiting queued shipment
 * @param liveWaitMinutes     max(p50 wait time, oldest queued): the wait a truck joining now should expect
 * @param averageDelayMinutes mean crossing time − free-flow crossing time
 * @param bufferTimeMinutes   p95 − mean crossing time
 * @param bufferIndex         buffer time ÷ mean crossing time
 * @param stale               no checkpoint at this series for stale-after: the numbers are not current
 * @param lastCheckpointAt    event time of the latest checkpoint seen at this series; null for a series only CBP
 *                            reports (no truck measured it yet): then every measure is empty and only
 *                            {@code reportedWaitMinutes} may have a value
 * @param reportedWaitMinutes CBP's reported wait for the series ({@link BorderWaitReported}), when it has a current
 *                            one with a number; never a measured sample
 * @param reportedMinusMeasuredMinutes reported wait − live wait, when both are known and current
 */
public record CrossingDelayUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String crossingId,
        Direction direction,
        LaneType laneType,
        int windowMinutes,
        SampleStatistics waitTime,
        SampleStatistics crossingTime,
        int queuedNow,
        Double oldestQueuedMinutes,
        Double liveWaitMinutes,
        double freeFlowMinutes,
        Double averageDelayMinutes,
        Double bufferTimeMinutes,
        Double bufferIndex,
        boolean stale,
        Instant lastCheckpointAt,
        Integer reportedWaitMinutes,
        Double reportedMinusMeasuredMinutes) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public CrossingDelayUpdated {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(crossingId, "crossingId");
        Required.field(direction, "direction");
        Required.field(laneType, "laneType");
        Required.field(waitTime, "waitTime");
        Required.field(crossingTime, "crossingTime");
    }

    /** The same statistics with CBP's reported wait beside them. */
    public CrossingDelayUpdated withReported(Integer reportedWait, Double reportedMinusMeasured) {
        return new CrossingDelayUpdated(eventId, occurredAt, schemaVersion, crossingId, direction, laneType,
                windowMinutes, waitTime, crossingTime, queuedNow, oldestQueuedMinutes, liveWaitMinutes, freeFlowMinutes,
                averageDelayMinutes, bufferTimeMinutes, bufferIndex, stale, lastCheckpointAt, reportedWait,
                reportedMinusMeasured);
    }

    /** Whether trucks measured this series at all (else only CBP's reading is behind it). */
    public boolean measured() {
        return lastCheckpointAt != null;
    }

    public SeriesKey series() {
        return new SeriesKey(crossingId, direction, laneType);
    }
}
