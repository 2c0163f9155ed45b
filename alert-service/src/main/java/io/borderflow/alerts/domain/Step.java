package io.borderflow.alerts.domain;

import io.borderflow.events.AlertState;
import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of applying one input, tick or acknowledgement to an alert instance.
 *
 * @param previous     the state before
 * @param instance     the instance after (equal to before when nothing happened)
 * @param changed      whether anything must be saved
 * @param announce     whether the change is published on alerts.v1 (a state change or an acknowledgement)
 * @param notification what on-call is told, if anything (already checked against silences)
 */
public record Step(AlertState previous, AlertInstance instance, boolean changed, boolean announce,
        Optional<NotificationKind> notification) {

    static Step unchanged(AlertInstance instance) {
        return new Step(instance.state(), instance, false, false, Optional.empty());
    }

    static Step saved(AlertState previous, AlertInstance instance) {
        return new Step(previous, instance, true, false, Optional.empty());
    }

    static Step announced(AlertState previous, AlertInstance instance) {
        return new Step(previous, instance, true, true, Optional.empty());
    }

    Step notifying(NotificationKind kind, Instant at) {
        return new Step(previous, instance.notified(at), true, announce, Optional.of(kind));
    }

    public boolean stateChanged() {
        return previous != instance.state();
    }
}
