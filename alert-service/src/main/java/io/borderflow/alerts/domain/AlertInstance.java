package io.borderflow.alerts.domain;

import io.borderflow.events.AlertState;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The persisted state of one alert instance (one rule × one series or shipment).
 *
 * @param condition            the condition at the latest observation; ticks move the state from it
 * @param activeAt             when the condition became true (start of pending)
 * @param startsAt             when it started firing
 * @param endsAt               when it resolved
 * @param falseSince           while firing: since when the condition has been false (keep_firing_for clock)
 * @param lastObservedAt       event time of the latest update applied: older or equal ones change nothing
 * @param lastNotifiedAt       last notification of this firing episode; null if none was sent (e.g. silenced)
 * @param notificationSequence grows with every notification: part of the idempotency key
 */
public record AlertInstance(
        String fingerprint,
        String ruleId,
        Map<String, String> labels,
        AlertState state,
        Condition condition,
        Double value,
        Instant activeAt,
        Instant startsAt,
        Instant endsAt,
        Instant falseSince,
        Instant lastObservedAt,
        UUID lastEventId,
        String acknowledgedBy,
        Instant acknowledgedAt,
        Instant lastNotifiedAt,
        int notificationSequence) {

    public AlertInstance {
        labels = Map.copyOf(labels);
    }

    public static AlertInstance inactive(String ruleId, Labels labels) {
        return new AlertInstance(labels.fingerprint(), ruleId, labels.all(), AlertState.INACTIVE, Condition.UNKNOWN,
                null, null, null, null, null, null, null, null, null, null, 0);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    AlertInstance observed(Condition newCondition, Double newValue, Instant at, UUID eventId) {
        return new AlertInstance(fingerprint, ruleId, labels, state, newCondition, newValue == null ? value : newValue,
                activeAt, startsAt, endsAt, falseSince, at, eventId, acknowledgedBy, acknowledgedAt, lastNotifiedAt,
                notificationSequence);
    }

    /** Starts a new episode: pending (or firing at once for {@code for} = 0); the previous ack is history. */
    AlertInstance activated(AlertState newState, Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, newState, condition, value, at,
                newState == AlertState.FIRING ? at : null, null, null, lastObservedAt, lastEventId, null, null, null,
                notificationSequence);
    }

    AlertInstance firing(Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, AlertState.FIRING, condition, value, activeAt, at, null,
                null, lastObservedAt, lastEventId, acknowledgedBy, acknowledgedAt, lastNotifiedAt, notificationSequence);
    }

    AlertInstance backToInactive() {
        return new AlertInstance(fingerprint, ruleId, labels, AlertState.INACTIVE, condition, value, null, null, null,
                null, lastObservedAt, lastEventId, null, null, null, notificationSequence);
    }

    AlertInstance withFalseSince(Instant since) {
        return new AlertInstance(fingerprint, ruleId, labels, state, condition, value, activeAt, startsAt, endsAt,
                since, lastObservedAt, lastEventId, acknowledgedBy, acknowledgedAt, lastNotifiedAt, notificationSequence);
    }

    AlertInstance resolved(Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, AlertState.RESOLVED, condition, value, activeAt, startsAt,
                at, null, lastObservedAt, lastEventId, acknowledgedBy, acknowledgedAt, lastNotifiedAt,
                notificationSequence);
    }

    AlertInstance acknowledgedBy(String who, Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, state, condition, value, activeAt, startsAt, endsAt,
                falseSince, lastObservedAt, lastEventId, who, at, lastNotifiedAt, notificationSequence);
    }

    AlertInstance notified(Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, state, condition, value, activeAt, startsAt, endsAt,
                falseSince, lastObservedAt, lastEventId, acknowledgedBy, acknowledgedAt, at, notificationSequence + 1);
    }
}
