package io.borderflow.ingest.service;

import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import java.time.Duration;

/** The broker did not acknowledge in time: nothing is reported accepted, the client retries later. */
public class BrokerUnavailableException extends ProblemException {

    private final Duration retryAfter;

    public BrokerUnavailableException(String detail, Duration retryAfter, Throwable cause) {
        super(Problem.of(503, "broker-unavailable", "Event broker unavailable", detail));
        this.retryAfter = retryAfter;
        initCause(cause);
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
