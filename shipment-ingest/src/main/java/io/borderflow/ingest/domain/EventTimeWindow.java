package io.borderflow.ingest.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which event times ingest believes: not further ahead than a source's clock may be off, not older than a
 * late report can be (older ones would land in statistics windows long closed). Both bounds are inclusive.
 */
public record EventTimeWindow(Duration maxFutureSkew, Duration maxEventAge) {

    /** Why {@code occurredAt} is not believed at server time {@code now}, if it is not. */
    public Optional<Rejection> check(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
            return Optional.of(Rejection.occurredTooFarAhead(occurredAt, maxFutureSkew.toMinutes()));
        }
        if (occurredAt.isBefore(now.minus(maxEventAge))) {
            return Optional.of(Rejection.occurredTooLongAgo(occurredAt, maxEventAge.toDays()));
        }
        return Optional.empty();
    }
}
