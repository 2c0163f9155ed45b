package io.borderflow.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.ReportedStatus;
import io.borderflow.events.SeriesKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportedWaitTest {

    private static final Instant NOW = Instant.parse("2026-09-17T23:30:00Z");
    private static final Duration STALE_AFTER = Duration.parse(ReportedWait.DEFAULT_STALE_AFTER);
    private static final SeriesKey WTB = new SeriesKey("laredo-world-trade-bridge", Direction.NORTHBOUND,
            LaneType.STANDARD);

    @Test
    void aReadingIsStaleOnceOlderThanThreeHoursByTheOfficersTime() {
        assertThat(ReportedWait.of(delay(45, NOW.minus(Duration.ofHours(3))), NOW, STALE_AFTER).stale()).isFalse();
        assertThat(ReportedWait.of(delay(45, NOW.minus(Duration.ofHours(3)).minusSeconds(1)), NOW, STALE_AFTER)
                .stale()).isTrue();
    }

    @Test
    void aReadingWithoutTheOfficersTimeAgesFromTheFeedsTime() {
        BorderWaitReported pending = BorderWaitReported.of(NOW.minus(Duration.ofHours(4)), WTB, "230404",
                ReportedStatus.UNKNOWN, null, null, 19, true, null);

        ReportedWait reported = ReportedWait.of(pending, NOW, STALE_AFTER);

        assertThat(reported).isEqualTo(new ReportedWait(null, null, ReportedStatus.UNKNOWN, true, null, true));
    }

    @Test
    void theDifferenceIsReportedMinusMeasuredOnlyWhenBothAreKnownAndCurrent() {
        ReportedWait current = ReportedWait.of(delay(45, NOW.minusSeconds(600)), NOW, STALE_AFTER);
        ReportedWait stale = ReportedWait.of(delay(45, NOW.minus(Duration.ofHours(5))), NOW, STALE_AFTER);
        ReportedWait closed = ReportedWait.of(BorderWaitReported.of(NOW, WTB, "230404", ReportedStatus.LANES_CLOSED,
                null, null, 19, true, null), NOW, STALE_AFTER);

        assertThat(ReportedWait.reportedMinusMeasured(current, 70.5, false)).isEqualTo(-25.5);
        assertThat(ReportedWait.reportedMinusMeasured(current, 12.0, false)).isEqualTo(33.0);
        assertThat(ReportedWait.reportedMinusMeasured(current, 70.5, true)).as("measured stale").isNull();
        assertThat(ReportedWait.reportedMinusMeasured(current, null, false)).as("nothing measured").isNull();
        assertThat(ReportedWait.reportedMinusMeasured(stale, 70.5, false)).as("reported stale").isNull();
        assertThat(ReportedWait.reportedMinusMeasured(closed, 70.5, false)).as("no reported number").isNull();
        assertThat(ReportedWait.reportedMinusMeasured(null, 70.5, false)).as("nothing reported").isNull();
    }

    @Test
    void theWaitInEffectAtAPointIsTheLatestReadingBeforeItUnlessStale() {
        List<ReportedWait.Point> readings = List.of(new ReportedWait.Point(NOW, 20),
                new ReportedWait.Point(NOW.plusSeconds(3600), null), new ReportedWait.Point(NOW.plusSeconds(7200), 40));

        assertThat(ReportedWait.inEffectAt(readings, NOW.minusSeconds(1), STALE_AFTER)).isNull();
        assertThat(ReportedWait.inEffectAt(readings, NOW, STALE_AFTER)).isEqualTo(20);
        assertThat(ReportedWait.inEffectAt(readings, NOW.plusSeconds(3599), STALE_AFTER)).isEqualTo(20);
        assertThat(ReportedWait.inEffectAt(readings, NOW.plusSeconds(3600), STALE_AFTER)).isNull();
        assertThat(ReportedWait.inEffectAt(readings, NOW.plusSeconds(7200 + 3 * 3600), STALE_AFTER)).isEqualTo(40);
        assertThat(ReportedWait.inEffectAt(readings, NOW.plusSeconds(7201 + 3 * 3600), STALE_AFTER)).isNull();
    }

    private static BorderWaitReported delay(int minutes, Instant updatedAt) {
        return BorderWaitReported.of(updatedAt, WTB, "230404", ReportedStatus.DELAY, minutes, 13, 19, true, updatedAt);
    }
}
