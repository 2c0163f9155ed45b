package io.borderflow.alerts.domain;

import io.borderflow.events.AlertState;
import java.time.Instant;
import java.util.Optional;

/**
 * The alert lifecycle of Prometheus alerting rules, as pure functions of (instance, input, time):
 * inactive → pending (condition true) → firing (true continuously for {@code for}; {@code for} = 0 fires at
 * once) → resolved (false continuously for {@code keep_firing_for}). Pending that turns false goes back to
 * inactive without a notification.
 *
 * <p>UNKNOWN (no data, a stale series for a delay measure) holds the state: it neither starts, fires nor
 * resolves an alert. Notifications go out on firing, on resolved (only if the firing was notified), and
 * every repeat interval while firing and unacknowledged; a silenced alert still changes state but is not
 * notified.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** Applies one input update. Updates at or before the last one applied change nothing (duplicates, reordering). */
    public static Step observe(AlertInstance current, Observation observation, Timing timing, boolean silenced) {
        if (current.last().at() != null && !observation.at().isAfter(current.last().at())) {
            return Step.unchanged(current);
        }
        Instant at = observation.at();
        AlertInstance seen = current.observed(observation);
        AlertState state = current.state();
        return switch (observation.condition()) {
            case UNKNOWN -> Step.saved(state, seen);
            case TRUE -> switch (state) {
                case INACTIVE, RESOLVED -> activate(state, seen, at, timing, silenced);
                case PENDING -> promoteIfDue(seen, at, timing, silenced).orElse(Step.saved(state, seen));
                case FIRING -> Step.saved(state, seen.withFalseSince(null));
            };
            case FALSE -> switch (state) {
                case INACTIVE, RESOLVED -> Step.saved(state, seen);
                case PENDING -> Step.announced(state, seen.backToInactive());
                case FIRING -> {
                    AlertInstance falling = seen.episode().falseSince() == null ? seen.withFalseSince(at) : seen;
                    yield resolveIfDue(falling, at, timing, silenced).orElse(Step.saved(state, falling));
                }
            };
        };
    }

    /** Time passes without input: pending may fire, firing may resolve or be notified again. */
    public static Step tick(AlertInstance current, Instant now, Timing timing, boolean silenced) {
        return switch (current.state()) {
            case PENDING -> current.condition() == Condition.TRUE
                    ? promoteIfDue(current, now, timing, silenced).orElse(Step.unchanged(current))
                    : Step.unchanged(current);
            case FIRING -> {
                if (current.condition() == Condition.FALSE && current.episode().falseSince() != null) {
                    Step resolved = resolveIfDue(current, now, timing, silenced).orElse(null);
                    if (resolved != null) {
                        yield resolved;
                    }
                }
                yield remind(current, now, timing, silenced);
            }
            case INACTIVE, RESOLVED -> Step.unchanged(current);
        };
    }

    /** On-call takes it: recorded, published, and no more repeats. Only a firing, unacknowledged alert can be. */
    public static Step acknowledge(AlertInstance current, String who, Instant at, boolean silenced) {
        if (current.state() != AlertState.FIRING || current.acknowledged()) {
            return Step.unchanged(current);
        }
        Step step = Step.announced(AlertState.FIRING, current.acknowledgedBy(who, at));
        return wasNotified(current) && !silenced ? step.notifying(NotificationKind.ACKNOWLEDGED, at) : step;
    }

    /** The rule was deleted or disabled: a firing alert resolves, a pending one goes back to inactive. */
    public static Step retire(AlertInstance current, Instant now, boolean silenced) {
        return switch (current.state()) {
            case PENDING -> Step.announced(AlertState.PENDING, current.backToInactive());
            case FIRING -> resolve(current, now, silenced);
            case INACTIVE, RESOLVED -> Step.unchanged(current);
        };
    }

    private static Step activate(AlertState previous, AlertInstance seen, Instant at, Timing timing, boolean silenced) {
        if (timing.forDuration().isZero()) {
            Step step = Step.announced(previous, seen.activated(AlertState.FIRING, at));
            return silenced ? step : step.notifying(NotificationKind.FIRING, at);
        }
        return Step.announced(previous, seen.activated(AlertState.PENDING, at));
    }

    private static Optional<Step> promoteIfDue(AlertInstance pending, Instant at, Timing timing, boolean silenced) {
        if (at.isBefore(pending.activeAt().plus(timing.forDuration()))) {
            return Optional.empty();
        }
        Step step = Step.announced(AlertState.PENDING, pending.firing(at));
        return Optional.of(silenced ? step : step.notifying(NotificationKind.FIRING, at));
    }

    private static Optional<Step> resolveIfDue(AlertInstance firing, Instant at, Timing timing,
            boolean silenced) {
        if (at.isBefore(firing.episode().falseSince().plus(timing.keepFiringFor()))) {
            return Optional.empty();
        }
        return Optional.of(resolve(firing, at, silenced));
    }

    private static Step resolve(AlertInstance firing, Instant at, boolean silenced) {
        Step step = Step.announced(AlertState.FIRING, firing.resolved(at));
        return wasNotified(firing) && !silenced ? step.notifying(NotificationKind.RESOLVED, at) : step;
    }

    private static Step remind(AlertInstance firing, Instant now, Timing timing, boolean silenced) {
        if (firing.acknowledged() || silenced) {
            return Step.unchanged(firing);
        }
        if (!wasNotified(firing)) {
            // it started firing while silenced: on-call hears of it once the silence is over
            return Step.saved(AlertState.FIRING, firing).notifying(NotificationKind.FIRING, now);
        }
        if (!now.isBefore(firing.notifications().lastAt().plus(timing.repeatInterval()))) {
            return Step.saved(AlertState.FIRING, firing).notifying(NotificationKind.REPEAT, now);
        }
        return Step.unchanged(firing);
    }

    private static boolean wasNotified(AlertInstance instance) {
        return instance.notifications().lastAt() != null;
    }
}
