package io.borderflow.alerts.domain;

import io.borderflow.events.AlertState;

/** Only a firing alert can be acknowledged. */
public class AlertNotFiring extends RuntimeException {

    private final AlertState state;

    public AlertNotFiring(String fingerprint, AlertState state) {
        super("alert " + fingerprint + " is " + state + ", not firing");
        this.state = state;
    }

    public AlertState state() {
        return state;
    }
}
