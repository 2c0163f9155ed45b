package io.borderflow.ingest.service;

import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import java.util.List;
import java.util.UUID;

/** The problem types of shipment-ingest (the shared ones are in {@code ProblemMappers}). */
public final class IngestProblems {

    public static Problem shipmentNotFound(String shipmentId) {
        // another carrier's shipment answers the same: its existence is not the caller's business
        return Problem.of(404, "shipment-not-found", "Shipment not found", "no shipment " + shipmentId);
    }

    public static ProblemException unknownCrossing(String crossingId) {
        return new ProblemException(Problem.of(400, "unknown-crossing", "Unknown crossing",
                        "'" + crossingId + "' is not a crossing of the catalog (GET /api/v1/crossings on delay-analyzer)")
                .withErrors(List.of(new Problem.FieldError("crossingId", "unknown crossing"))));
    }

    public static ProblemException shipmentConflict(String shipmentId) {
        return new ProblemException(409, "shipment-conflict", "Shipment already registered",
                "shipment " + shipmentId + " is registered with different content; change it with PATCH");
    }

    public static Problem occurredAtOutOfRange(String detail) {
        return Problem.of(400, "occurred-at-out-of-range", "occurredAt is out of range", detail)
                .withErrors(List.of(new Problem.FieldError("occurredAt", detail)));
    }

    public static Problem duplicateEvent(UUID eventId) {
        return Problem.of(409, "duplicate-event", "eventId already used",
                "event " + eventId + " was already reported with different content; a new fact needs a new eventId");
    }

    public static ProblemException batchTooLarge(int events, int max) {
        return new ProblemException(413, "batch-too-large", "Batch too large",
                events + " events in one batch; at most " + max);
    }

    public static Problem payloadTooLarge(long bytes, long max) {
        return Problem.of(413, "payload-too-large", "Request body too large",
                bytes + " bytes; at most " + max);
    }

    public static ProblemException carrierIdMissing() {
        return new ProblemException(403, "carrier-id-missing", "Forbidden",
                "a carrier token must carry the carrier_id claim");
    }

    public static ProblemException invalidQuery(String field, String message) {
        return new ProblemException(Problem.of(400, "invalid-field", "Field has the wrong type", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))));
    }

    private IngestProblems() {
    }
}
