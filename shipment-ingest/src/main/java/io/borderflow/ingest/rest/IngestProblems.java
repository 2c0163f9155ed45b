package io.borderflow.ingest.rest;

import io.borderflow.ingest.domain.Rejection;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import java.util.List;

/**
 * The problem types of shipment-ingest (the shared ones are in {@code ProblemMappers}): a domain
 * {@link Rejection} as problem+json, and the problems only the HTTP edge finds.
 */
public final class IngestProblems {

    public static Problem of(Rejection rejection) {
        String type = rejection.reason().code();
        String detail = rejection.detail();
        return switch (rejection.reason()) {
            case SHIPMENT_NOT_FOUND -> Problem.of(404, type, "Shipment not found", detail);
            case UNKNOWN_CROSSING -> Problem.of(400, type, "Unknown crossing", detail)
                    .withErrors(List.of(new Problem.FieldError("crossingId", "unknown crossing")));
            case SHIPMENT_CONFLICT -> Problem.of(409, type, "Shipment already registered", detail);
            case OCCURRED_AT_OUT_OF_RANGE -> Problem.of(400, type, rejection.timeField() + " is out of range", detail)
                    .withErrors(List.of(new Problem.FieldError(rejection.timeField(), detail)));
            case DUPLICATE_EVENT -> Problem.of(409, type, "eventId already used", detail);
            case DUPLICATE_POSITION -> Problem.of(409, type, "Position already reported", detail)
                    .withErrors(List.of(new Problem.FieldError("at", "already reported with other content")));
            case BATCH_TOO_LARGE -> Problem.of(413, type, "Batch too large", detail);
        };
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
