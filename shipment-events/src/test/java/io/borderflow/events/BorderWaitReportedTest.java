package io.borderflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BorderWaitReportedTest {

    private static final Instant AT = Instant.parse("2026-09-17T23:00:00Z");
    private static final SeriesKey WTB_STANDARD = new SeriesKey("laredo-world-trade-bridge", Direction.NORTHBOUND,
            LaneType.STANDARD);

    @Test
    void theSameReadingReadAgainIsTheSameEvent() {
        BorderWaitReported first = reading(20, 13);
        BorderWaitReported again = reading(20, 13);

        assertThat(again).isEqualTo(first);
        assertThat(again.sameReading(first)).isTrue();
    }

    @Test
    void anUnknownReadingSeenInALaterFeedIsTheSameReadingButAnotherEvent() {
        BorderWaitReported pending = BorderWaitReported.of(AT, WTB_STANDARD, "230404", ReportedStatus.UNKNOWN, null,
                null, 19, true, null);
        BorderWaitReported later = BorderWaitReported.of(AT.plusSeconds(300), WTB_STANDARD, "230404",
                ReportedStatus.UNKNOWN, null, null, 19, true, null);

        assertThat(later.sameReading(pending)).isTrue();
        assertThat(later.eventId()).isNotEqualTo(pending.eventId());
    }

    @Test
    void anyChangeOfWhatItSaysIsAnotherEvent() {
        BorderWaitReported first = reading(20, 13);

        assertThat(reading(25, 13).eventId()).isNotEqualTo(first.eventId());
        assertThat(reading(20, 12).eventId()).isNotEqualTo(first.eventId());
        assertThat(reading(null, 13).eventId()).isNotEqualTo(first.eventId());
        assertThat(BorderWaitReported.of(AT, WTB_STANDARD, "230404", ReportedStatus.DELAY, 20, 13, 19, false, AT)
                .sameReading(first)).isFalse();
    }

    @Test
    void aReadingWithoutStatusIsRefusedNamingTheField() {
        assertThatThrownBy(() -> BorderWaitReported.of(AT, WTB_STANDARD, "230404", null, 20, 13, 19, true, AT))
                .hasMessageContaining("status");
        assertThatThrownBy(() -> new BorderWaitReported(java.util.UUID.randomUUID(), AT, 1, "x", Direction.NORTHBOUND,
                LaneType.FAST, "230404", null, null, null, null, true, null)).hasMessageContaining("status");
    }

    private static BorderWaitReported reading(Integer wait, Integer lanes) {
        return BorderWaitReported.of(AT, WTB_STANDARD, "230404", ReportedStatus.DELAY, wait, lanes, 19, true, AT);
    }
}
