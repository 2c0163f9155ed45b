package io.borderflow.ingest.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Why ingest refuses a report or a request, in the domain's words; {@code rest/IngestProblems} turns it into
 * problem+json. The reason's {@link Reason#code() code} is both the problem type's last segment and the
 * {@code reason} tag of the checkpoint metric, so the two always agree.
 */
public record Rejection(Reason reason, String detail) {

    public enum Reason {
        SHIPMENT_NOT_FOUND,
        UNKNOWN_CROSSING,
        SHIPMENT_CONFLICT,
        OCCURRED_AT_OUT_OF_RANGE,
        DUPLICATE_EVENT,
        DUPLICATE_POSITION,
        BATCH_TOO_LARGE;

        /** e.g. {@code shipment-not-found}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public static Rejection shipmentNotFound(String shipmentId) {
        return new Rejection(Reason.SHIPMENT_NOT_FOUND, "no shipment " + shipmentId);
    }

    public static Rejection unknownCrossing(String crossingId) {
        return new Rejection(Reason.UNKNOWN_CROSSING,
                "'" + crossingId + "' is not a crossing of the catalog (GET /api/v1/crossings on delay-analyzer)");
    }

    public static Rejection shipmentConflict(String shipmentId) {
        return new Rejection(Reason.SHIPMENT_CONFLICT,
                "shipment " + shipmentId + " is registered with different content; change it with PATCH");
    }

    /** {@code field} names the event time: {@code occurredAt} of a checkpoint, {@code at} of a position. */
    public static Rejection occurredTooFarAhead(String field, Instant occurredAt, long maxMinutesAhead) {
        return new Rejection(Reason.OCCURRED_AT_OUT_OF_RANGE,
                field + " " + occurredAt + " is more than " + maxMinutesAhead + " min in the future");
    }

    public static Rejection occurredTooLongAgo(String field, Instant occurredAt, long maxDaysOld) {
        return new Rejection(Reason.OCCURRED_AT_OUT_OF_RANGE,
                field + " " + occurredAt + " is older than " + maxDaysOld + " days");
    }

    /** The field a rejection of an event time names: the first word of its detail. */
    public String timeField() {
        return detail.substring(0, detail.indexOf(' '));
    }

    public static Rejection duplicatePosition(Instant at) {
        return new Rejection(Reason.DUPLICATE_POSITION,
                "a position at " + at + " was already reported with other content; one truck is in one place at a time");
    }

    public static Rejection duplicateEvent(UUID eventId) {
        return new Rejection(Reason.DUPLICATE_EVENT,
                "event " + eventId + " was already reported with different content; a new fact needs a new eventId");
    }

    public static Rejection batchTooLarge(int events, int max) {
        return new Rejection(Reason.BATCH_TOO_LARGE, events + " events in one batch; at most " + max);
    }

    /** To fail a whole call with this rejection. */
    public Rejected exception() {
        return new Rejected(this);
    }
}
