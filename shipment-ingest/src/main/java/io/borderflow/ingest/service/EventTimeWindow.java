package io.borderflow.ingest.service;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.support.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which event times ingest believes: not further ahead than a source's clock may be off, not older than a
 * late report can be (older ones would land in statistics windows long closed).
 */
@ApplicationScoped
public class EventTimeWindow {

    private final Duration maxFutureSkew;
    private final Duration maxEventAge;

    @Inject
    public EventTimeWindow(IngestConfig config) {
        this(config.maxFutureSkew(), config.maxEventAge());
    }

    EventTimeWindow(Duration maxFutureSkew, Duration maxEventAge) {
        this.maxFutureSkew = maxFutureSkew;
        this.maxEventAge = maxEventAge;
    }

    /** The problem with {@code occurredAt} at server time {@code now}, if any. */
    public Optional<Problem> check(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
            return Optional.of(IngestProblems.occurredAtOutOfRange(
                    "occurredAt " + occurredAt + " is more than " + maxFutureSkew.toMinutes() + " min in the future"));
        }
        if (occurredAt.isBefore(now.minus(maxEventAge))) {
            return Optional.of(IngestProblems.occurredAtOutOfRange(
                    "occurredAt " + occurredAt + " is older than " + maxEventAge.toDays() + " days"));
        }
        return Optional.empty();
    }
}
