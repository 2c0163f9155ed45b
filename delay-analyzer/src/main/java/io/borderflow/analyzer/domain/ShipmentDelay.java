package io.borderflow.analyzer.domain;

import io.borderflow.events.JourneyStatus;
import io.borderflow.events.ShipmentDelayUpdated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Where one shipment stands, as {@link ShipmentDelayUpdated}. */
public final class ShipmentDelay {

    /**
     * @param cause a stable description of what triggered the update (the checkpoint's eventId, or the
     *              stall): the eventId derives from it, so a replay after a crash repeats the same id
     */
    public static ShipmentDelayUpdated of(Journey journey, Instant now, DelayRules rules, double freeFlowMinutes,
            String cause) {
        JourneySummary summary = journey.summary();
        JourneyStatus status = journey.status(now, rules);
        Double wait = summary.waitTime().map(Minutes::of).orElse(null);
        Double crossing = summary.crossingTime().map(Minutes::of).orElse(null);
        return new ShipmentDelayUpdated(
                UUID.nameUUIDFromBytes((journey.shipmentId() + "|" + cause).getBytes(StandardCharsets.UTF_8)),
                now,
                ShipmentDelayUpdated.SCHEMA_VERSION,
                journey.shipmentId(),
                journey.carrierId(),
                journey.series().crossingId(),
                journey.series().direction(),
                journey.series().laneType(),
                status,
                journey.lastCheckpointType(),
                journey.lastCheckpointAt(),
                summary.queueEnteredAt(),
                wait,
                crossing,
                delayMinutes(summary, crossing, now, freeFlowMinutes),
                freeFlowMinutes);
    }

    /** Crossing time − free-flow once exited; while still crossing, the time since queue entry − free-flow. */
    private static Double delayMinutes(JourneySummary summary, Double crossing, Instant now, double freeFlowMinutes) {
        if (crossing != null) {
            return crossing - freeFlowMinutes;
        }
        if (summary.queueEnteredAt() == null || summary.exited() || now.isBefore(summary.queueEnteredAt())) {
            return null;
        }
        return Minutes.between(summary.queueEnteredAt(), now) - freeFlowMinutes;
    }

    private ShipmentDelay() {
    }
}
