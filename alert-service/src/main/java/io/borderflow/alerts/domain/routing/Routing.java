package io.borderflow.alerts.domain.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A whole routing configuration: the tree, its receivers by name, and the inhibition rules, with the YAML
 * it was read from (stored and answered as written).
 */
public record Routing(Route root, Map<String, Receiver> receivers, List<InhibitRule> inhibitRules, String yaml) {

    public Routing {
        receivers = Map.copyOf(receivers);
        inhibitRules = List.copyOf(inhibitRules);
    }

    public List<Route> routes(Map<String, String> labels) {
        return root.match(labels);
    }

    public boolean inhibited(Map<String, String> labels, Collection<Map<String, String>> firing) {
        return inhibitRules.stream().anyMatch(rule -> rule.inhibits(labels, firing));
    }
}
