package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.routing.Routing;
import io.borderflow.alerts.mapping.Json;
import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Where the routing in force sends an alert and whether it is inhibited, for the alert views: the routing (null
 * when none is configured) and the labels of every firing alert (the inhibition sources).
 */
record Routed(Routing routing, List<Map<String, String>> firing) {

    static final Routed NONE = new Routed(null, List.of());

    /** Call inside a session. */
    static Uni<Routed> load(RoutingService routing, AlertInstanceRepository instances) {
        return routing.current().map(current -> instances.firingOr(List.of()).map(rows -> new Routed(current,
                rows.stream().map(row -> Json.labels(row.labels)).toList()))).orElse(Uni.createFrom().item(NONE));
    }

    List<AlertView.RouteTarget> targets(Map<String, String> labels) {
        return routing == null ? List.of() : routing.routes(labels).stream()
                .map(route -> new AlertView.RouteTarget(route.key(), route.receiver())).toList();
    }

    boolean inhibited(Map<String, String> labels) {
        return routing != null && routing.inhibited(labels, firing);
    }
}
