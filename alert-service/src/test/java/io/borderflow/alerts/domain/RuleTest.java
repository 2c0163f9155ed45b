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
                SampleStatistics.EMPTY, 3, null, liveWait, 10, null, null, null, stale,
                Instant.parse("2026-11-27T11:59:00Z"), null, null);
    }

    /** A series no truck measured yet, published for CBP's reading (no last checkpoint, empty measures). */
    private static CrossingDelayUpdated reportedOnly(int reportedWait) {
        return new CrossingDelayUpdated(UUID.randomUUID(), Instant.parse("2026-11-27T12:00:00Z"), 1,
                "pharr-reynosa", Direction.NORTHBOUND, LaneType.FAST, 60, SampleStatistics.EMPTY,
                SampleStatistics.EMPTY, 0, null, null, 10, null, null, null, false, null, reportedWait, null);
    }

    @Test
    void aSeriesOnlyCbpReportsHasCbpsNumberAndNoMeasuredOneNotEvenZeroQueued() {
        CrossingDelayUpdated update = reportedOnly(75);
        Rule reported = new Rule("cbp-long", "CbpReportsLongWait", Measure.REPORTED_WAIT_MINUTES, Scope.ALL,
                Comparison.GT, 60, Duration.ZERO, Duration.ZERO, Severity.WARNING, null, null, true);
        Rule nobodyQueued = new Rule("empty", "NobodyQueued", Measure.QUEUED_NOW, Scope.ALL, Comparison.LT, 1,
                Duration.ZERO, Duration.ZERO, Severity.INFO, null, null, true);
        Rule stale = new Rule("stale", "CrossingStale", Measure.STALE, Scope.ALL, Comparison.GT, 0,
                Duration.ZERO, Duration.ZERO, Severity.WARNING, null, null, true);

        assertThat(reported.evaluate(Measure.REPORTED_WAIT_MINUTES.read(update))).isEqualTo(Condition.TRUE);
        assertThat(nobodyQueued.evaluate(Measure.QUEUED_NOW.read(update))).isEqualTo(Condition.UNKNOWN);
        assertThat(liveWait(0).evaluate(Measure.LIVE_WAIT_MINUTES.read(update))).isEqualTo(Condition.UNKNOWN);
        assertThat(stale.evaluate(Measure.STALE.read(update))).as("never measured is not stale").isEqualTo(Condition.FALSE);
    }

    @Test
    void aStaleSeriesIsUnknownForADelayMeasureNeverFalse() {
        Rule rule = liveWait(90);
        assertThat(rule.evaluate(Measure.LIVE_WAIT_MINUTES.read(update(10.0, true)))).isEqualTo(Condition.UNKNOWN);
        assertThat(rule.evaluate(Measure.LIVE_WAIT_MINUTES.read(update(10.0, false)))).isEqualTo(Condition.FALSE);
        assertThat(rule.evaluate(Measure.LIVE_WAIT_MINUTES.read(update(120.0, false)))).isEqualTo(Condition.TRUE);
    }

    @Test
    void cbpsReportedWaitAndItsAbsoluteGapToTheMeasuredOneAreMeasures() {
        CrossingDelayUpdated below = update(100.0, false).withReported(40, -60.0);
        CrossingDelayUpdated above = update(20.0, false).withReported(80, 60.0);
        CrossingDelayUpdated close = update(50.0, false).withReported(40, -10.0);
        CrossingDelayUpdated noReading = update(50.0, false);
        CrossingDelayUpdated staleSeries = update(50.0, true).withReported(40, null);
        Rule gap = new Rule("reported-vs-measured-gap", "ReportedWaitDisagrees", Measure.REPORTED_VS_MEASURED_GAP_MINUTES,
                Scope.ALL, Comparison.GT, 45, Duration.ofMinutes(30), Duration.ZERO, Severity.INFO, "gap", null, true);

        assertThat(Measure.REPORTED_VS_MEASURED_GAP_MINUTES.read(below)).isEqualTo(60.0);
        assertThat(gap.evaluate(Measure.REPORTED_VS_MEASURED_GAP_MINUTES.read(below))).isEqualTo(Condition.TRUE);
        assertThat(gap.evaluate(Measure.REPORTED_VS_MEASURED_GAP_MINUTES.read(above))).isEqualTo(Condition.TRUE);
        assertThat(gap.evaluate(Measure.REPORTED_VS_MEASURED_GAP_MINUTES.read(close))).isEqualTo(Condition.FALSE);
        assertThat(gap.evaluate(Measure.REPORTED_VS_MEASURED_GAP_MINUTES.read(noReading))).isEqualTo(Condition.UNKNOWN);
        assertThat(gap.evaluate(Measure.REPORTED_VS_MEASURED_GAP_MINUTES.read(staleSeries))).isEqualTo(Condition.UNKNOWN);
        assertThat(Measure.REPORTED_WAIT_MINUTES.read(below)).isEqualTo(40.0);
        assertThat(Measure.REPORTED_WAIT_MINUTES.read(staleSeries)).as("CBP's number, not the measured one").isEqualTo(40.0);
        assertThat(Measure.REPORTED_WAIT_MINUTES.read(noReading)).isNull();
        assertThat(Measure.fromWireName("reported_vs_measured_gap_minutes")).isEqualTo(Measure.REPORTED_VS_MEASURED_GAP_MINUTES);
    }

    @Test
    void theGapRuleIsADefaultThatIsOffUntilSwitchedOn() {
        Rule rule = io.borderflow.alerts.service.RuleService.defaults().stream()
                .filter(r -> r.id().equals("reported-vs-measured-gap")).findFirst().orElseThrow();

        assertThat(rule.enabled()).isFalse();
        assertThat(rule.measure()).isEqualTo(Measure.REPORTED_VS_MEASURED_GAP_MINUTES);
        assertThat(rule.comparison()).isEqualTo(Comparison.GT);
        assertThat(rule.threshold()).isEqualTo(45);
        assertThat(rule.forDuration()).isEqualTo(Duration.ofMinutes(30));
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
