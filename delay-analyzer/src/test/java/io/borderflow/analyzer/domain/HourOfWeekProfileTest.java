package io.borderflow.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.analyzer.domain.HourOfWeekProfile.Bin;
import io.borderflow.analyzer.domain.HourOfWeekProfile.Hour;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourOfWeekProfileTest {

    // US DST 2026 ends Sunday 1 November; these are Tuesdays 13:00Z either side of it
    static final Instant SUMMER = Instant.parse("2026-10-27T13:00:00Z");
    static final Instant WINTER = Instant.parse("2026-11-03T13:00:00Z");

    @Test
    void chicagoBinsFollowLocalTimeAcrossTheDstChange() {
        List<Hour> hours = HourOfWeekProfile.of(ZoneId.of("America/Chicago"),
                List.of(new Bin(SUMMER, 40.0, 60.0), new Bin(WINTER, 20.0, 30.0)));
        assertThat(hours).containsExactly(
                new Hour(DayOfWeek.TUESDAY, 7, 20.0, 30.0, 1),
                new Hour(DayOfWeek.TUESDAY, 8, 40.0, 60.0, 1));
    }

    @Test
    void phoenixKeepsTheSameHourAllYear() {
        List<Hour> hours = HourOfWeekProfile.of(ZoneId.of("America/Phoenix"),
                List.of(new Bin(SUMMER, 40.0, 60.0), new Bin(WINTER, 20.0, 30.0)));
        assertThat(hours).containsExactly(new Hour(DayOfWeek.TUESDAY, 6, 20.0, 30.0, 2));
    }

    @Test
    void medianIsTheNearestRankOfTheBinsAndEmptyBinsDoNotCount() {
        List<Hour> hours = HourOfWeekProfile.of(ZoneId.of("America/Phoenix"), List.of(
                new Bin(WINTER, 10.0, null), new Bin(WINTER.plusSeconds(300), 30.0, 50.0),
                new Bin(WINTER.plusSeconds(600), 20.0, 40.0), new Bin(WINTER.plusSeconds(900), null, null)));
        assertThat(hours).containsExactly(new Hour(DayOfWeek.TUESDAY, 6, 20.0, 40.0, 3));
    }
}
