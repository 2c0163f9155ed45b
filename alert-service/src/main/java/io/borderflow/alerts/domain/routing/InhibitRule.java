package io.borderflow.alerts.domain.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Alertmanager's inhibition: a firing alert matching {@code source} mutes the notifications of alerts matching
 * {@code target} that have the same values (or lack alike) of every {@code equal} label. An alert matching
 * both sides does not inhibit itself.
 */
public record InhibitRule(List<LabelMatcher> source, List<LabelMatcher> target, List<String> equal) {

    public InhibitRule {
        source = List.copyOf(source);
        target = List.copyOf(target);
        equal = List.copyOf(equal);
    }

    /** The default: the critical live-wait alert of a series mutes the warning one of the same series. */
    public static final InhibitRule LIVE_WAIT = new InhibitRule(
            List.of(LabelMatcher.of("rule", LabelMatcher.Type.EQUAL, "live-wait-critical")),
            List.of(LabelMatcher.of("rule", LabelMatcher.Type.EQUAL, "live-wait-warning")),
            List.of("crossing", "direction", "lane"));

    /** @param firing the labels of every firing alert (silenced ones included, as in Alertmanager) */
    public boolean inhibits(Map<String, String> target, Collection<Map<String, String>> firing) {
        if (!all(this.target, target)) {
            return false;
        }
        boolean targetIsSource = all(source, target);
        return firing.stream().anyMatch(candidate -> all(source, candidate)
                && !(targetIsSource && candidate.equals(target))
                && equal.stream().allMatch(name -> Objects.equals(candidate.getOrDefault(name, ""),
                        target.getOrDefault(name, ""))));
    }

    private static boolean all(List<LabelMatcher> matchers, Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
