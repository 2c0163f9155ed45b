package io.borderflow.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesStatisticsTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:00:00Z");
    final DelayRules rules = DelayRules.DEFAULTS;

    static JourneySummary completed(Instant queued, int waitMinutes, int crossingMinutes) {
        Instant primary = queued.plus(Duration.ofMinutes(waitMinutes));
        Instant exit = queued.plus(Duration.ofMinutes(crossingMinutes));
        return new JourneySummary(queued, primary, exit, exit);
    }

    @Test
    void bufferTimeIndexAndAverageDelayFollowFhwaDefinitions() {
        List<JourneySummary> journeys = List.of(
                completed(NOW.minusSeconds(50 * 60), 20, 30),
                completed(NOW.minusSeconds(60 * 60), 30, 50));
        SeriesReading reading = SeriesStatistics.compute(journeys, NOW, NOW, rules, 10.0);
        assertThat(reading.crossingTime().meanMinutes()).isEqualTo(40.0);
        assertThat(reading.bufferTimeMinutes()).isEqualTo(10.0); // p95 50 − mean 40
        assertThat(reading.bufferIndex()).isEqualTo(0.25);
        assertThat(reading.averageDelayMinutes()).isEqualTo(30.0);
        assertThat(reading.liveWaitMinutes()).isEqualTo(20.0);
        assertThat(reading.stale()).isFalse();
    }

    @Test
    void windowExcludesExactlyNowMinusWAndIncludesNow() {
        Instant queued = NOW.minusSeconds(3 * 3600);
        JourneySummary atStart = new JourneySummary(queued, null, NOW.minus(rules.window()), NOW);
        JourneySummary atNow = new JourneySummary(queued, null, NOW, NOW);
        SeriesReading reading = SeriesStatistics.compute(List.of(atStart, atNow), NOW, NOW, rules, 10.0);
        assertThat(reading.crossingTime().count()).isEqualTo(1);
        assertThat(reading.crossingTime().meanMinutes()).isCloseTo(180.0, within(1e-9));
    }

    @Test
    void liveWaitFollowsTheOldestQueuedTruckWhenNothingCompletes() {
        JourneySummary waiting = new JourneySummary(NOW.minusSeconds(95 * 60), null, null, NOW.minusSeconds(95 * 60));
        SeriesReading reading = SeriesStatistics.compute(List.of(waiting), waiting.lastCheckpointAt(), NOW, rules, 10.0);
        assertThat(reading.waitTime().count()).isZero();
        assertThat(reading.queuedNow()).isEqualTo(1);
        assertThat(reading.oldestQueuedMinutes()).isEqualTo(95.0);
        assertThat(reading.liveWaitMinutes()).isEqualTo(95.0);
        assertThat(reading.averageDelayMinutes()).isNull();
    }

    @Test
    void staleFromExactlyStaleAfterAndMeasuresStayNullNotZero() {
        Instant last = NOW.minus(rules.staleAfter());
        SeriesReading stale = SeriesStatistics.compute(List.of(), last, NOW, rules, 10.0);
        SeriesReading fresh = SeriesStatistics.compute(List.of(), last, NOW.minusMillis(1), rules, 10.0);
        assertThat(stale.stale()).isTrue();
        assertThat(fresh.stale()).isFalse();
        assertThat(stale.liveWaitMinutes()).isNull();
        assertThat(stale.crossingTime().p50Minutes()).isNull();
    }

    @Test
    void aStalledTruckIsNotQueued() {
        JourneySummary stalled = new JourneySummary(NOW.minus(rules.stallAfter()), null, null, NOW.minus(rules.stallAfter()));
        assertThat(SeriesStatistics.compute(List.of(stalled), NOW, NOW, rules, 10.0).queuedNow()).isZero();
    }

    @Test
    void clockDriftOfTheOldestQueuedTruckIsAChangeOnlyAtWholeMinutes() {
        JourneySummary waiting = new JourneySummary(NOW.minusSeconds(600), null, null, NOW.minusSeconds(600));
        SeriesReading at = SeriesStatistics.compute(List.of(waiting), NOW, NOW, rules, 10.0);
        SeriesReading later = SeriesStatistics.compute(List.of(waiting), NOW, NOW.plusSeconds(30), rules, 10.0);
        SeriesReading nextMinute = SeriesStatistics.compute(List.of(waiting), NOW, NOW.plusSeconds(60), rules, 10.0);
        assertThat(later.differsFrom(at)).isFalse();
        assertThat(nextMinute.differsFrom(at)).isTrue();
    }
}
