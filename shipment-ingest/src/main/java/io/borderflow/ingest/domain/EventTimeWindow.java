package io.borderflow.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which event times ingest believes: not further ahead than a source's clock may be off, not older than a
 * late report can be (older ones would land in statistics windows long closed). Both bounds are inclusive.
 */
public record EventTimeWindow(Duration maxFutureSkew, Duration maxEventAge) {

    /** Why a checkpoint's {@code occurredAt} is not believed at server time {@code now}, if it is not. */
    public Optional<Rejection> check(Instant occurredAt, Instant now) {
        return check("occurredAt", occurredAt, now);
    }

    /** Why the event time in {@code field} is not believed at server time {@code now}, if it is not. */
    public Optional<Rejection> check(String field, Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
            return Optional.of(Rejection.occurredTooFarAhead(field, occurredAt, maxFutureSkew.toMinutes()));
        }
        if (occurredAt.isBefore(now.minus(maxEventAge))) {
            return Optional.of(Rejection.occurredTooLongAgo(field, occurredAt, maxEventAge.toDays()));
        }
        return Optional.empty();
    }
}
