package io.borderflow.ingest.domain;

/** A call refused for a {@link Rejection}; an expected answer, not a fault, so it carries no stack trace. */
public class Rejected extends RuntimeException {

    private final Rejection rejection;

    public Rejected(Rejection rejection) {
        super(rejection.reason().code() + ": " + rejection.detail(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
