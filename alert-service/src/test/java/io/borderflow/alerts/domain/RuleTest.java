package io.borderflow.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleTest {

    private static Rule liveWait(double threshold) {
        return new Rule("live-wait-warning", "LiveWaitHigh", Measure.LIVE_WAIT_MINUTES, Scope.ALL, Comparison.GT,
                threshold, Duration.ofMinutes(10), Duration.ZERO, Severity.WARNING,
                "Live wait {{value}} min at {{crossing}}", null, true);
    }

    private static CrossingDelayUpdated update(Double liveWait, boolean stale) {
        return new CrossingDelayUpdated(UUID.randomUUID(), Instant.parse("2026-11-27T12:00:00Z"), 1,
                "laredo-world-trade-bridge", Direction.NORTHBOUND, LaneType.FAST, 60, SampleStatistics.EMPTY,
                SampleStatistics.EMPTY, 3, null, liveWait, 10, null, null, null, stale, null);
    }

    @Test
    void aStaleSeriesIsUnknownForADelayMeasureNeverFalse() {
        Rule rule = liveWait(90);
        assertThat(rule.evaluate(Measure.LIVE_WAIT_MINUTES.read(update(10.0, true)))).isEqualTo(Condition.UNKNOWN);
        assertThat(rule.evaluate(Measure.LIVE_WAIT_MINUTES.read(update(10.0, false)))).isEqualTo(Condition.FALSE);
        assertThat(rule.evaluate(Measure.LIVE_WAIT_MINUTES.read(update(120.0, false)))).isEqualTo(Condition.TRUE);
    }

    @Test
    void noDataIsUnknownNotZero() {
        assertThat(liveWait(90).evaluate(Measure.LIVE_WAIT_MINUTES.read(update(null, false))))
                .isEqualTo(Condition.UNKNOWN);
    }

    @Test
    void staleIsItsOwnMeasure() {
        Rule stale = new Rule("stale", "CrossingStale", Measure.STALE, Scope.ALL, Comparison.GT, 0,
                Duration.ZERO, Duration.ZERO, Severity.WARNING, null, null, true);
        assertThat(stale.evaluate(Measure.STALE.read(update(null, true)))).isEqualTo(Condition.TRUE);
        assertThat(stale.evaluate(Measure.STALE.read(update(null, false)))).isEqualTo(Condition.FALSE);
    }

    @Test
    void fingerprintIsStableAndIndependentOfLabelOrderNameAndSeverity() {
        Map<String, String> a = Map.of("crossing", "x", "direction", "NORTHBOUND", "lane", "FAST");
        Labels one = liveWait(90).labelsFor(a);
        Labels renamed = new Rule("live-wait-warning", "Renamed", Measure.LIVE_WAIT_MINUTES, Scope.ALL, Comparison.GT,
                100, Duration.ZERO, Duration.ZERO, Severity.CRITICAL, null, null, true)
                .labelsFor(new java.util.TreeMap<>(a).descendingMap());
        assertThat(one.fingerprint()).hasSize(16).isEqualTo(renamed.fingerprint());
        assertThat(Labels.fingerprint("other-rule", a)).isNotEqualTo(one.fingerprint());
        assertThat(Labels.fingerprint("live-wait-warning", Map.of("crossing", "y", "direction", "NORTHBOUND",
                "lane", "FAST"))).isNotEqualTo(one.fingerprint());
        assertThat(one.all()).containsEntry("alertname", "LiveWaitHigh").containsEntry("severity", "warning")
                .containsEntry("rule", "live-wait-warning");
    }

    @Test
    void summaryFillsInLabelsAndValue() {
        assertThat(liveWait(90).summaryFor(Map.of("crossing", "laredo"), 123.0)).isEqualTo("Live wait 123 min at laredo");
        assertThat(liveWait(90).summaryFor(Map.of("crossing", "laredo"), 96.02)).isEqualTo("Live wait 96 min at laredo");
        assertThat(liveWait(90).summaryFor(Map.of("crossing", "laredo"), 1.874)).isEqualTo("Live wait 1.87 min at laredo");
        assertThat(liveWait(90).summaryFor(Map.of("crossing", "laredo"), 1.5)).isEqualTo("Live wait 1.5 min at laredo");
    }
}
