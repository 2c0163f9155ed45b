package io.borderflow.alerts.domain;

/** A silence that could never work: it ends before it starts, or a matcher is not a regular expression. */
public class InvalidSilence extends RuntimeException {

    public InvalidSilence(String reason) {
        super(reason);
    }
}
