package io.borderflow.analyzer.domain;

import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.SeriesKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The statistics of one series at one instant, in FHWA/TTI terms (see {@link SeriesStatistics}).
 * Measures without data are null, never 0. {@code reportedWaitMinutes} is CBP's current reported wait beside them
 * (null when there is none, or it is stale): published with them, so a new reading is a change to publish.
 */
public record SeriesReading(
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
        Integer reportedWaitMinutes) {

    /**
     * Whether an operator would see a change. The age of the oldest queued truck grows with every tick of
     * the clock; it counts as a change once it reaches a new whole minute, the rest is left to the
     * periodic re-emission, so a busy series is not republished every second for nothing.
     */
    public boolean differsFrom(SeriesReading previous) {
        return previous == null || !withoutClockDrift().equals(previous.withoutClockDrift());
    }

    private SeriesReading withoutClockDrift() {
        Double oldest = oldestQueuedMinutes == null ? null : Math.floor(oldestQueuedMinutes);
        return new SeriesReading(windowMinutes, waitTime, crossingTime, queuedNow, oldest, null, freeFlowMinutes,
                averageDelayMinutes, bufferTimeMinutes, bufferIndex, stale, lastCheckpointAt, reportedWaitMinutes);
    }

    /** The same measures with CBP's current reported wait beside them. */
    public SeriesReading withReportedWait(Integer reportedWait) {
        return new SeriesReading(windowMinutes, waitTime, crossingTime, queuedNow, oldestQueuedMinutes, liveWaitMinutes,
                freeFlowMinutes, averageDelayMinutes, bufferTimeMinutes, bufferIndex, stale, lastCheckpointAt,
                reportedWait);
    }

    /** The reading as the event of {@code crossing-delays.v1}; the eventId is derived, so replays repeat it. */
    public CrossingDelayUpdated toEvent(SeriesKey series, Instant asOf) {
        UUID eventId = UUID.nameUUIDFromBytes((series + "|" + asOf).getBytes(StandardCharsets.UTF_8));
        return new CrossingDelayUpdated(eventId, asOf, CrossingDelayUpdated.SCHEMA_VERSION,
                series.crossingId(), series.direction(), series.laneType(), windowMinutes, waitTime, crossingTime,
                queuedNow, oldestQueuedMinutes, liveWaitMinutes, freeFlowMinutes, averageDelayMinutes,
                bufferTimeMinutes, bufferIndex, stale, lastCheckpointAt, reportedWaitMinutes,
                ReportedWait.gap(reportedWaitMinutes, liveWaitMinutes, stale));
    }
}
