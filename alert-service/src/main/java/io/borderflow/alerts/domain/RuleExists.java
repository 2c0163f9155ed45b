package io.borderflow.alerts.domain;

/** A new rule's id is taken: rules are changed by replacing them, never by creating them again. */
public class RuleExists extends RuntimeException {

    private final String id;

    public RuleExists(String id) {
        super("rule " + id + " exists");
        this.id = id;
    }

    public String id() {
        return id;
    }
}
