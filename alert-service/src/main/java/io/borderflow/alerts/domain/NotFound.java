package io.borderflow.alerts.domain;

/** What a request named does not exist: an alert, a rule or a silence. */
public class NotFound extends RuntimeException {

    public NotFound(String kind, Object id) {
        super("no " + kind + " " + id);
    }
}
