package io.borderflow.alerts.domain.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A node of the routing tree with its settings already inherited from its parents (receiver, group_by and the
 * three timers; {@code continue} is not inherited), as Alertmanager resolves them.
 *
 * @param key          Alertmanager's route key: the parent's key, {@code /}, and this route's sorted matchers
 *                     ({@code {}/{severity="critical"}}); the first half of every group key
 * @param groupByAll   {@code group_by: ['...']}: every label is a grouping label
 */
public record Route(String key, List<LabelMatcher> matchers, String receiver, List<String> groupBy,
        boolean groupByAll, Duration groupWait, Duration groupInterval, Duration repeatInterval,
        boolean continueMatching, List<Route> routes) {

    public Route {
        matchers = List.copyOf(matchers);
        groupBy = List.copyOf(groupBy);
        routes = List.copyOf(routes);
    }

    /** Alertmanager's defaults for the root route. */
    public static final Duration GROUP_WAIT = Duration.ofSeconds(30);
    public static final Duration GROUP_INTERVAL = Duration.ofMinutes(5);
    public static final Duration REPEAT_INTERVAL = Duration.ofHours(4);

    static String keyOf(Route parent, List<LabelMatcher> sortedMatchers) {
        String own = sortedMatchers.stream().map(LabelMatcher::toString).collect(Collectors.joining(",", "{", "}"));
        return parent == null ? own : parent.key() + "/" + own;
    }

    /**
     * The routes an alert goes to: the deepest matching ones, depth first; a matching child stops the search
     * among its siblings unless it has {@code continue}; a route none of whose children match takes the alert
     * itself. The root matches every alert.
     */
    public List<Route> match(Map<String, String> labels) {
        List<Route> found = new ArrayList<>();
        for (Route child : routes) {
            if (!child.matchers.stream().allMatch(m -> m.matches(labels))) {
                continue;
            }
            found.addAll(child.match(labels));
            if (!child.continueMatching) {
                break;
            }
        }
        return found.isEmpty() ? List.of(this) : found;
    }

    /** The grouping labels of an alert on this route (a missing label is left out, as Alertmanager does). */
    public Map<String, String> groupLabels(Map<String, String> labels) {
        Map<String, String> group = new TreeMap<>();
        labels.forEach((name, value) -> {
            if (groupByAll || groupBy.contains(name)) {
                group.put(name, value);
            }
        });
        return group;
    }

    /** Alertmanager's group key: route key, {@code :}, the grouping labels as {@code {a="1", b="2"}}. */
    public String groupKey(Map<String, String> labels) {
        return key + ":" + groupLabels(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + LabelMatcher.quote(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
