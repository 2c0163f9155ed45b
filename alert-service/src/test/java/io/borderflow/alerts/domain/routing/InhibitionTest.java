package io.borderflow.alerts.domain.routing;

import static io.borderflow.alerts.domain.routing.RoutingTreeTest.labels;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inhibition as a table: a target alert, the firing alerts, inhibited or not. */
class InhibitionTest {

    static final String SERIES = "crossing=otay-mesa direction=NORTHBOUND lane=FAST";

    static Stream<Arguments> cases() {
        InhibitRule byCritical = RoutingYaml.parse("""
                route: {receiver: r}
                receivers: [{name: r}]
                inhibit_rules:
                  - source_matchers: ['severity="critical"']
                    target_matchers: ['severity=~"warning|info"']
                    equal: [crossing]
                """).inhibitRules().get(0);
        InhibitRule sameLabel = new InhibitRule(List.of(LabelMatcher.parse("alertname=Stale")),
                List.of(LabelMatcher.parse("alertname=~\"Stale|Wait\"")), List.of());
        return Stream.of(
                // the default: live-wait-critical mutes live-wait-warning of the same series only
                row("default: critical of the series mutes the warning", InhibitRule.LIVE_WAIT,
                        "rule=live-wait-warning " + SERIES, true, "rule=live-wait-critical " + SERIES),
                row("default: another series' critical does not", InhibitRule.LIVE_WAIT,
                        "rule=live-wait-warning " + SERIES, false,
                        "rule=live-wait-critical crossing=otay-mesa direction=NORTHBOUND lane=STANDARD"),
                row("default: no firing critical, no inhibition", InhibitRule.LIVE_WAIT,
                        "rule=live-wait-warning " + SERIES, false),
                row("default: other rules are not targets", InhibitRule.LIVE_WAIT,
                        "rule=crossing-stale " + SERIES, false, "rule=live-wait-critical " + SERIES),
                row("equal label missing on both sides counts as equal", byCritical,
                        "severity=warning", true, "severity=critical"),
                row("equal label differs", byCritical, "severity=info crossing=a", false,
                        "severity=critical crossing=b"),
                row("target matcher must match", byCritical, "severity=critical crossing=a", false,
                        "severity=critical crossing=a"),
                row("an alert matching both sides does not inhibit itself", sameLabel, "alertname=Stale", false,
                        "alertname=Stale"),
                row("but another source matching both sides does", sameLabel, "alertname=Stale x=1", true,
                        "alertname=Stale x=2"));
    }

    static Arguments row(String name, InhibitRule rule, String target, boolean inhibited, String... firing) {
        return Arguments.of(name, rule, labels(target), inhibited,
                Arrays.stream(firing).map(RoutingTreeTest::labels).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inhibits(String name, InhibitRule rule, Map<String, String> target, boolean inhibited,
            List<Map<String, String>> firing) {
        assertThat(rule.inhibits(target, firing)).isEqualTo(inhibited);
    }
}
