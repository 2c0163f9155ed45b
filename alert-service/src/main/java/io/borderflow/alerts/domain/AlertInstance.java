package io.borderflow.alerts.domain;

import io.borderflow.events.AlertState;
import java.time.Instant;
import java.util.Map;

/**
 * The persisted state of one alert instance (one rule × one series or shipment), grouped by what changes
 * together: the latest observation, the current episode, and the notification count that outlives episodes.
 *
 * @param last          the latest observation applied; ticks move the state from its condition, and an
 *                      update at or before its time changes nothing
 * @param episode       the clocks of the current pending/firing episode and its acknowledgement
 * @param notifications the last notification of this episode and the sequence of all of the alert's
 */
public record AlertInstance(
        String fingerprint,
        String ruleId,
        Map<String, String> labels,
        AlertState state,
        Observation last,
        Episode episode,
        Notifications notifications) {

    public AlertInstance {
        labels = Map.copyOf(labels);
    }

    public static AlertInstance inactive(String ruleId, Labels labels) {
        return new AlertInstance(labels.fingerprint(), ruleId, labels.all(), AlertState.INACTIVE, Observation.NONE,
                Episode.NONE, Notifications.NONE);
    }

    /**
     * One pending/firing episode.
     *
     * @param activeAt        when the condition became true (start of pending)
     * @param startsAt        when it started firing
     * @param endsAt          when it resolved
     * @param falseSince      while firing: since when the condition has been false (keep_firing_for clock)
     * @param acknowledgement who took it, if anyone; a new episode starts without one
     */
    public record Episode(Instant activeAt, Instant startsAt, Instant endsAt, Instant falseSince,
            Acknowledgement acknowledgement) {

        public static final Episode NONE = new Episode(null, null, null, null, null);

        /** Pending from {@code at}, or firing from {@code at} when {@code for} is 0. */
        static Episode startingAt(Instant at, boolean firing) {
            return new Episode(at, firing ? at : null, null, null, null);
        }

        Episode firingAt(Instant at) {
            return new Episode(activeAt, at, null, null, acknowledgement);
        }

        Episode falseSince(Instant since) {
            return new Episode(activeAt, startsAt, endsAt, since, acknowledgement);
        }

        Episode resolvedAt(Instant at) {
            return new Episode(activeAt, startsAt, at, null, acknowledgement);
        }

        Episode acknowledged(Acknowledgement by) {
            return new Episode(activeAt, startsAt, endsAt, falseSince, by);
        }
    }

    /** On-call took the alert: no more repeats in this episode. */
    public record Acknowledgement(String by, Instant at) {
    }

    /**
     * @param lastAt   last notification of this episode; null if none was sent (e.g. silenced)
     * @param sequence grows with every notification of the alert: part of the idempotency key
     */
    public record Notifications(Instant lastAt, int sequence) {

        public static final Notifications NONE = new Notifications(null, 0);

        Notifications sent(Instant at) {
            return new Notifications(at, sequence + 1);
        }

        Notifications newEpisode() {
            return new Notifications(null, sequence);
        }
    }

    public Condition condition() {
        return last.condition();
    }

    /** The latest known value: an observation without one (no data) keeps the previous. */
    public Double value() {
        return last.value();
    }

    public Instant activeAt() {
        return episode.activeAt();
    }

    public Instant startsAt() {
        return episode.startsAt();
    }

    public Instant endsAt() {
        return episode.endsAt();
    }

    public boolean acknowledged() {
        return episode.acknowledgement() != null;
    }

    public String acknowledgedBy() {
        return acknowledged() ? episode.acknowledgement().by() : null;
    }

    public Instant acknowledgedAt() {
        return acknowledged() ? episode.acknowledgement().at() : null;
    }

    public int notificationSequence() {
        return notifications.sequence();
    }

    AlertInstance observed(Observation observation) {
        Observation kept = observation.value() == null
                ? new Observation(observation.condition(), last.value(), observation.at(), observation.eventId())
                : observation;
        return new AlertInstance(fingerprint, ruleId, labels, state, kept, episode, notifications);
    }

    /** Starts a new episode: pending (or firing at once for {@code for} = 0); the previous ack is history. */
    AlertInstance activated(AlertState newState, Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, newState, last,
                Episode.startingAt(at, newState == AlertState.FIRING), notifications.newEpisode());
    }

    AlertInstance backToInactive() {
        return new AlertInstance(fingerprint, ruleId, labels, AlertState.INACTIVE, last, Episode.NONE,
                notifications.newEpisode());
    }

    AlertInstance firing(Instant at) {
        return in(AlertState.FIRING, episode.firingAt(at));
    }

    AlertInstance withFalseSince(Instant since) {
        return in(state, episode.falseSince(since));
    }

    AlertInstance resolved(Instant at) {
        return in(AlertState.RESOLVED, episode.resolvedAt(at));
    }

    AlertInstance acknowledgedBy(String who, Instant at) {
        return in(state, episode.acknowledged(new Acknowledgement(who, at)));
    }

    AlertInstance notified(Instant at) {
        return new AlertInstance(fingerprint, ruleId, labels, state, last, episode, notifications.sent(at));
    }

    private AlertInstance in(AlertState newState, Episode newEpisode) {
        return new AlertInstance(fingerprint, ruleId, labels, newState, last, newEpisode, notifications);
    }
}
