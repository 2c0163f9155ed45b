package io.borderflow.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CommercialHoursTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** World Trade Bridge's hours. */
    private static final CommercialHours WTB = CommercialHours.parse("7-24", "7-16", "10-14");

    @Test
    void parsesTheCatalogsColumnsAndPrintsThemBack() {
        assertThat(WTB.openByDay()).hasSize(7).containsEntry(DayOfWeek.MONDAY, new CommercialHours.Range(7, 24));
        assertThat(WTB).hasToString("weekdays 7-24, saturday 7-16, sunday 10-14");
        assertThat(CommercialHours.parse("8-16", "closed", "closed").openByDay()).doesNotContainKey(DayOfWeek.SUNDAY);
        assertThatThrownBy(() -> CommercialHours.parse("all day", "closed", "closed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommercialHours.parse("closed", "closed", "closed"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openFromOpeningUntilJustBeforeClosing() {
        // Wednesday 2026-11-25 is CST (UTC-6): 07:00 local = 13:00Z, midnight = 06:00Z on Thursday
        assertThat(WTB.isOpenAt(Instant.parse("2026-11-25T12:59:00Z"), CHICAGO)).isFalse();
        assertThat(WTB.isOpenAt(Instant.parse("2026-11-25T13:00:00Z"), CHICAGO)).isTrue();
        assertThat(WTB.isOpenAt(Instant.parse("2026-11-26T05:59:00Z"), CHICAGO)).isTrue();
        assertThat(WTB.isOpenAt(Instant.parse("2026-11-26T06:00:00Z"), CHICAGO)).isFalse();
    }

    @Test
    void theNextOpeningFollowsTheDayOfTheWeek() {
        // after Wednesday's midnight: Thursday 07:00
        assertThat(WTB.nextOpeningAt(Instant.parse("2026-11-26T06:30:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        // Saturday closes at 16:00 (22:00Z); Sunday opens at 10:00 (16:00Z)
        assertThat(WTB.nextOpeningAt(Instant.parse("2026-11-28T22:00:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        // closed all weekend: Friday evening → Monday morning
        CommercialHours tecate = CommercialHours.parse("8-16", "closed", "closed");
        assertThat(tecate.nextOpeningAt(Instant.parse("2026-11-27T23:00:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        Instant open = Instant.parse("2026-11-25T15:00:00Z");
        assertThat(WTB.nextOpeningAt(open, CHICAGO)).isEqualTo(open);
    }

    @Test
    void localOpeningHourHoldsAcrossDst() {
        // Chicago springs forward on Sunday 2026-03-08: Monday 07:00 is 13:00Z the week before and 12:00Z after
        assertThat(WTB.nextOpeningAt(Instant.parse("2026-03-02T08:00:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(WTB.nextOpeningAt(Instant.parse("2026-03-09T08:00:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
        // and closes at local midnight (05:00Z in CDT)
        assertThat(WTB.isOpenAt(Instant.parse("2026-03-10T04:59:00Z"), CHICAGO)).isTrue();
        assertThat(WTB.isOpenAt(Instant.parse("2026-03-10T05:00:00Z"), CHICAGO)).isFalse();
    }
}
