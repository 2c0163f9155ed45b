package io.borderflow.alerts.domain.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What a group last told its receiver (Alertmanager's notification log entry): the fingerprints sent as firing
 * and as resolved, and when. {@link #next} is Alertmanager's decision whether a flush notifies at all.
 */
public record GroupLog(Set<String> firing, Set<String> resolved, Instant at) {

    public GroupLog {
        firing = Set.copyOf(firing);
        resolved = Set.copyOf(resolved);
    }

    /**
     * The log after a flush that notifies, or empty when it stays silent (Alertmanager's
     * {@code DedupStage.needsUpdate}): a group never notified speaks once it has a firing alert; then it speaks
     * when an alert fires that was not in the last notification, when every alert is resolved that was notified
     * firing, when an alert resolved since, or when {@code repeatInterval} has passed since the last notification.
     *
     * @param last         null before the group's first notification
     * @param sendResolved whether the integration tells resolved alerts (a newly resolved alert alone does not
     *                     make a group speak to one that does not)
     */
    public static Optional<GroupLog> next(GroupLog last, Set<String> firing, Set<String> resolved, Instant now,
            Duration repeatInterval, boolean sendResolved) {
        GroupLog sent = new GroupLog(firing, resolved, now);
        if (last == null) {
            return firing.isEmpty() ? Optional.empty() : Optional.of(sent);
        }
        if (!last.firing.containsAll(firing)) {
            return Optional.of(sent);
        }
        if (firing.isEmpty()) {
            // alerts that fired and resolved between two flushes were never told, so neither is their end
            return last.firing.isEmpty() ? Optional.empty() : Optional.of(sent);
        }
        if (sendResolved && !last.resolved.containsAll(resolved)) {
            return Optional.of(sent);
        }
        return now.isBefore(last.at.plus(repeatInterval)) ? Optional.empty() : Optional.of(sent);
    }

    /**
     * When a new group flushes first: after {@code group_wait}, or at once for an alert that started longer
     * than {@code group_wait} ago (Alertmanager does not hold back what it learns late).
     */
    public static Instant firstFlush(Instant now, Instant startsAt, Duration groupWait) {
        return startsAt != null && startsAt.plus(groupWait).isBefore(now) ? now : now.plus(groupWait);
    }
}
