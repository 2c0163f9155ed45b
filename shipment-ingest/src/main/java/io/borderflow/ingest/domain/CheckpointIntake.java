package io.borderflow.ingest.domain;

import io.borderflow.events.CheckpointRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which reported checkpoints ingest takes, as a pure function of (caller, submissions, what is known, now).
 * A single post is a batch of one. Each submission, in order, by the first rule that applies:
 * <ol>
 * <li>it could not be read: REJECTED with that reason;</li>
 * <li>{@code occurredAt} lies outside the {@link EventTimeWindow}: REJECTED {@code occurred-at-out-of-range};</li>
 * <li>the caller may not write the shipment ({@link ShipmentAccess}): REJECTED {@code shipment-not-found};</li>
 * <li>its eventId is known — earlier in this batch, or from before — with the same content
 *     ({@link CheckpointFingerprint}): DUPLICATE, not published again; with other content: REJECTED
 *     {@code duplicate-event};</li>
 * <li>else ACCEPTED, stamped with its shipment's carrier, crossing, direction and lane type.</li>
 * </ol>
 * Only an ACCEPTED submission makes its eventId known to the rest of the batch.
 */
public final class CheckpointIntake {

    private CheckpointIntake() {
    }

    /**
     * What ingest knows beyond the submissions: the shipments they name, and the content an eventId was accepted
     * with before (in memory or in the read model).
     */
    public record Known(Map<String, Shipment> shipments, Function<UUID, Optional<CheckpointFingerprint>> earlier) {

        public static Known nothing() {
            return new Known(Map.of(), eventId -> Optional.empty());
        }
    }

    /** A batch over {@code max} events is refused as a whole, before any of its events is decided. */
    public static Optional<Rejection> batchSizeRefusal(int events, int max) {
        return events > max ? Optional.of(Rejection.batchTooLarge(events, max)) : Optional.empty();
    }

    /** The submissions that need their shipment and eventId looked up: those not refused without looking. */
    public static List<Submission> toLookUp(List<Submission> submissions, EventTimeWindow window, Instant now) {
        return submissions.stream().filter(s -> refusedWithoutLookup(s, window, now).isEmpty()).toList();
    }

    /** One verdict per submission, in the same order. */
    public static List<Verdict> decide(Caller caller, List<Submission> submissions, Known known,
            EventTimeWindow window, Instant now) {
        Map<UUID, CheckpointFingerprint> acceptedInThisBatch = new HashMap<>();
        List<Verdict> verdicts = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            Verdict verdict = refusedWithoutLookup(submission, window, now)
                    .orElseGet(() -> decideKnowing(caller, submission, known, acceptedInThisBatch, now));
            if (verdict.status() == ReceiptStatus.ACCEPTED) {
                acceptedInThisBatch.put(verdict.event().eventId(), verdict.fingerprint());
            }
            verdicts.add(verdict);
        }
        return verdicts;
    }

    private static Optional<Verdict> refusedWithoutLookup(Submission submission, EventTimeWindow window,
            Instant now) {
        if (submission.unreadable() != null) {
            return Optional.of(Verdict.unreadable(submission.unreadable()));
        }
        return window.check(submission.report().occurredAt(), now).map(Verdict::rejected);
    }

    private static Verdict decideKnowing(Caller caller, Submission submission, Known known,
            Map<UUID, CheckpointFingerprint> acceptedInThisBatch, Instant now) {
        Shipment shipment = known.shipments().get(submission.shipmentId());
        Optional<Rejection> refusal = ShipmentAccess.writeRefusal(caller, submission.shipmentId(), shipment);
        if (refusal.isPresent()) {
            return Verdict.rejected(refusal.get());
        }
        CheckpointReport report = submission.report();
        CheckpointFingerprint fingerprint = CheckpointFingerprint.of(submission.shipmentId(), report);
        Optional<CheckpointFingerprint> earlier = Optional.ofNullable(acceptedInThisBatch.get(report.eventId()))
                .or(() -> known.earlier().apply(report.eventId()));
        if (earlier.isPresent()) {
            return earlier.get().equals(fingerprint) ? Verdict.duplicate()
                    : Verdict.rejected(Rejection.duplicateEvent(report.eventId()));
        }
        return Verdict.accepted(new CheckpointRecorded(report.eventId(), report.occurredAt(),
                CheckpointRecorded.SCHEMA_VERSION, shipment.shipmentId(), shipment.carrierId(), shipment.crossingId(),
                shipment.direction(), shipment.laneType(), report.type(), report.source(), report.location(), now),
                fingerprint);
    }
}
