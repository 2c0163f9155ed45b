package io.borderflow.ingest.domain.waittimes;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.ReportedStatus;
import io.borderflow.events.SeriesKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingChangesTest {

    private static final Instant T0 = Instant.parse("2026-09-17T23:00:00Z");
    private static final SeriesKey WTB = new SeriesKey("laredo-world-trade-bridge", Direction.NORTHBOUND,
            LaneType.STANDARD);
    private static final SeriesKey PHARR = new SeriesKey("pharr-reynosa", Direction.NORTHBOUND, LaneType.FAST);

    private final ReadingChanges changes = new ReadingChanges();

    @Test
    void everythingIsNewAtFirstAndNothingOnceAcknowledged() {
        List<BorderWaitReported> feed = List.of(delay(WTB, 20, T0), delay(PHARR, 35, T0));

        assertThat(changes.changed(feed)).isEqualTo(feed);
        changes.published(feed);
        assertThat(changes.changed(List.of(delay(WTB, 20, T0), delay(PHARR, 35, T0)))).isEmpty();
    }

    @Test
    void aReadingNotAcknowledgedIsOfferedAgain() {
        List<BorderWaitReported> feed = List.of(delay(WTB, 20, T0));

        changes.changed(feed);

        assertThat(changes.changed(feed)).isEqualTo(feed);
    }

    @Test
    void onlyTheSeriesWhoseReadingChangedArePublished() {
        changes.published(List.of(delay(WTB, 20, T0), delay(PHARR, 35, T0)));

        BorderWaitReported newHour = delay(WTB, 25, T0.plusSeconds(3600));

        assertThat(changes.changed(List.of(newHour, delay(PHARR, 35, T0)))).containsExactly(newHour);
    }

    @Test
    void anUnknownReadingRepeatedInLaterFeedsIsNotRepublished() {
        changes.published(List.of(pending(T0)));

        assertThat(changes.changed(List.of(pending(T0.plusSeconds(300))))).isEmpty();
    }

    private static BorderWaitReported delay(SeriesKey series, int minutes, Instant at) {
        return BorderWaitReported.of(at, series, "230404", ReportedStatus.DELAY, minutes, 4, 19, true, at);
    }

    private static BorderWaitReported pending(Instant feedTime) {
        return BorderWaitReported.of(feedTime, WTB, "230404", ReportedStatus.UNKNOWN, null, null, 19, true, null);
    }
}
