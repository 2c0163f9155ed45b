package io.borderflow.alerts.domain.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which route, receiver and group an alert goes to, as a table over one routing tree. */
class RoutingTreeTest {

    static final String YAML = """
            route:
              receiver: default
              group_by: [alertname]
              group_wait: 30s
              routes:
                - matchers: ['severity="critical"']
                  receiver: pager
                  group_by: [crossing]
                  continue: true
                - matchers: ['crossing=~"laredo.*"', 'severity!="info"']
                  receiver: laredo-team
                  group_interval: 1m
                  routes:
                    - match_re: {lane: FAST|STANDARD}
                      matchers: ['direction!~"SOUTH.*"']
                      receiver: laredo-northbound
                      group_by: ['...']
                - match: {severity: info}
                  receiver: quiet
                  repeat_interval: 12h
            receivers:
              - name: default
              - name: pager
                pagerduty_configs: [{routing_key: abc}]
              - name: laredo-team
                webhook_configs: [{url: 'http://hooks.local/laredo'}]
              - name: laredo-northbound
                email_configs: [{to: 'north@example.com, duty@example.com'}]
              - name: quiet
            """;

    static final Routing ROUTING = RoutingYaml.parse(YAML);

    static Stream<Arguments> alerts() {
        return Stream.of(
                // labels, receivers in order, route keys in order
                row("severity=warning crossing=otay-mesa", "default", "{}"),
                row("severity=critical crossing=otay-mesa", "pager", "{}/{severity=\"critical\"}"),
                row("severity=critical crossing=laredo-colombia lane=FAST direction=NORTHBOUND",
                        "pager,laredo-northbound", "{}/{severity=\"critical\"},"
                                + "{}/{crossing=~\"laredo.*\",severity!=\"info\"}/{direction!~\"SOUTH.*\",lane=~\"^(?:FAST|STANDARD)$\"}"),
                row("severity=warning crossing=laredo-colombia lane=FAST direction=SOUTHBOUND",
                        "laredo-team", "{}/{crossing=~\"laredo.*\",severity!=\"info\"}"),
                row("severity=warning crossing=laredo-colombia lane=READY direction=NORTHBOUND",
                        "laredo-team", "{}/{crossing=~\"laredo.*\",severity!=\"info\"}"),
                // regex anchored: "xlaredo" does not match laredo.*
                row("severity=warning crossing=xlaredo", "default", "{}"),
                // first match without continue stops: info at laredo goes to quiet (laredo route excludes info)
                row("severity=info crossing=laredo-colombia", "quiet", "{}/{severity=\"info\"}"),
                // != matches a missing label
                row("crossing=laredo-colombia", "laredo-team", "{}/{crossing=~\"laredo.*\",severity!=\"info\"}"));
    }

    static Arguments row(String labels, String receivers, String keys) {
        return Arguments.of(labels, List.of(receivers.split(",")), List.of(keys.split(",(?=\\{)")));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("alerts")
    void routes(String labels, List<String> receivers, List<String> keys) {
        List<Route> routes = ROUTING.routes(labels(labels));
        assertThat(routes).extracting(Route::receiver).containsExactlyElementsOf(receivers);
        assertThat(routes).extracting(Route::key).containsExactlyElementsOf(keys);
    }

    @Test
    void childrenInheritReceiverGroupByAndTimersButNotContinue() {
        Route laredo = ROUTING.root().routes().get(1);
        assertThat(laredo.groupBy()).containsExactly("alertname");
        assertThat(laredo.groupWait()).isEqualTo(Duration.ofSeconds(30));
        assertThat(laredo.groupInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(laredo.repeatInterval()).isEqualTo(Route.REPEAT_INTERVAL);
        assertThat(laredo.continueMatching()).isFalse();
        Route north = laredo.routes().get(0);
        assertThat(north.groupInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(north.groupByAll()).isTrue();
        assertThat(ROUTING.root().groupInterval()).isEqualTo(Route.GROUP_INTERVAL);
        assertThat(ROUTING.root().routes().get(2).repeatInterval()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void groupKeysAreAlertmanagersRouteKeyAndGroupLabels() {
        Map<String, String> alert = labels("alertname=LiveWaitCritical severity=critical crossing=otay-mesa lane=FAST");
        assertThat(ROUTING.root().groupKey(alert)).isEqualTo("{}:{alertname=\"LiveWaitCritical\"}");
        Route pager = ROUTING.routes(alert).get(0);
        assertThat(pager.groupKey(alert)).isEqualTo("{}/{severity=\"critical\"}:{crossing=\"otay-mesa\"}");
        Route all = ROUTING.root().routes().get(1).routes().get(0);
        assertThat(all.groupLabels(alert)).isEqualTo(alert);
        // a missing group_by label is left out, not empty
        assertThat(pager.groupLabels(labels("severity=critical"))).isEmpty();
    }

    @Test
    void receiversHaveTheirIntegrationsWithAlertmanagersSendResolvedDefaults() {
        assertThat(ROUTING.receivers().get("laredo-northbound").emails())
                .containsExactly(new Receiver.Email(List.of("north@example.com", "duty@example.com"), false));
        assertThat(ROUTING.receivers().get("laredo-team").webhooks())
                .containsExactly(new Receiver.Webhook("http://hooks.local/laredo", true));
        assertThat(ROUTING.receivers().get("pager").pagerDuty()).containsExactly(new Receiver.PagerDuty("abc", true));
        assertThat(ROUTING.inhibitRules()).as("no inhibit_rules: the default").containsExactly(InhibitRule.LIVE_WAIT);
    }

    static Map<String, String> labels(String spec) {
        Map<String, String> labels = new HashMap<>();
        Arrays.stream(spec.split(" ")).map(pair -> pair.split("=", 2)).forEach(p -> labels.put(p[0], p[1]));
        return labels;
    }
}
