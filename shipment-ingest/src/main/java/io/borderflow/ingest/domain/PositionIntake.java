package io.borderflow.ingest.domain;

import io.borderflow.events.GeoPoint;
import io.borderflow.events.PositionReported;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which reported positions of one shipment ingest takes, as a pure function — the same standard as
 * {@link CheckpointIntake}. The whole batch is refused when it is too large or the shipment is not the caller's
 * (then nothing is decided, nothing published). Each position, in order, by the first rule that applies:
 * <ol>
 * <li>it could not be read (wrong type, out of range): REJECTED with that reason;</li>
 * <li>{@code at} lies outside the {@link EventTimeWindow}: REJECTED {@code occurred-at-out-of-range};</li>
 * <li>a position of this shipment at this {@code at} is known — earlier in this batch or from before — with the
 *     same content: DUPLICATE, not published again; with other content: REJECTED {@code duplicate-position};</li>
 * <li>else ACCEPTED, stamped with the shipment's carrier, crossing, direction and lane type.</li>
 * </ol>
 * A position is identified by (shipment, {@code at}): its eventId is {@link PositionReported#eventIdOf}.
 */
public final class PositionIntake {

    /** One position as read from the request: a report, or only why it could not be read. */
    public record Submission(PositionReport report, String unreadable) {

        public static Submission of(PositionReport report) {
            return new Submission(report, null);
        }

        public static Submission unreadable(String reason) {
            return new Submission(null, reason);
        }
    }

    private PositionIntake() {
    }

    /** Refusals of the whole batch, before any position is decided. */
    public static Optional<Rejection> batchRefusal(Caller caller, String shipmentId, Shipment shipment, int positions,
            int maxBatchSize) {
        return CheckpointIntake.batchSizeRefusal(positions, maxBatchSize)
                .or(() -> ShipmentAccess.writeRefusal(caller, shipmentId, shipment));
    }

    /** One verdict per submission, in the same order; {@code earlier} knows positions accepted before. */
    public static List<PositionVerdict> decide(Shipment shipment, List<Submission> submissions,
            Function<UUID, Optional<PositionFingerprint>> earlier, EventTimeWindow window, Instant now) {
        Map<UUID, PositionFingerprint> acceptedInThisBatch = new HashMap<>();
        List<PositionVerdict> verdicts = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            PositionVerdict verdict = decide(shipment, submission, earlier, acceptedInThisBatch, window, now);
            if (verdict.status() == ReceiptStatus.ACCEPTED) {
                acceptedInThisBatch.put(verdict.event().eventId(), verdict.fingerprint());
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    private static PositionVerdict decide(Shipment shipment, Submission submission,
            Function<UUID, Optional<PositionFingerprint>> earlier, Map<UUID, PositionFingerprint> acceptedInThisBatch,
            EventTimeWindow window, Instant now) {
        if (submission.unreadable() != null) {
            return PositionVerdict.unreadable(submission.unreadable());
        }
        PositionReport report = submission.report();
        Optional<Rejection> outOfWindow = window.check("at", report.at(), now);
        if (outOfWindow.isPresent()) {
            return PositionVerdict.rejected(outOfWindow.get());
        }
        // stored and compared to the microsecond, like checkpoint times
        Instant at = Timestamps.stored(report.at());
        UUID eventId = PositionReported.eventIdOf(shipment.shipmentId(), at);
        PositionFingerprint fingerprint = PositionFingerprint.of(report);
        Optional<PositionFingerprint> known = Optional.ofNullable(acceptedInThisBatch.get(eventId))
                .or(() -> earlier.apply(eventId));
        if (known.isPresent()) {
            return known.get().equals(fingerprint) ? PositionVerdict.duplicate()
                    : PositionVerdict.rejected(Rejection.duplicatePosition(at));
        }
        return PositionVerdict.accepted(new PositionReported(eventId, at, PositionReported.SCHEMA_VERSION,
                shipment.shipmentId(), shipment.carrierId(), shipment.crossingId(), shipment.direction(),
                shipment.laneType(), new GeoPoint(report.latitude(), report.longitude()), report.speedKph(),
                report.headingDeg(), report.accuracyMeters(), now), fingerprint);
    }
}
