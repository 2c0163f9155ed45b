package io.borderflow.events.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CommercialHoursTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final CommercialHours SEVEN_TO_MIDNIGHT = CommercialHours.parse("07:00-24:00");

    @Test
    void parsesCbpStyleHoursAndPrintsThemBack() {
        assertThat(SEVEN_TO_MIDNIGHT.opens()).isEqualTo(LocalTime.of(7, 0));
        assertThat(SEVEN_TO_MIDNIGHT.length()).isEqualTo(Duration.ofHours(17));
        assertThat(SEVEN_TO_MIDNIGHT).hasToString("07:00-24:00");
        assertThat(CommercialHours.parse("24h").alwaysOpen()).isTrue();
        assertThat(CommercialHours.parse("09:00-17:00")).hasToString("09:00-17:00");
        assertThatThrownBy(() -> CommercialHours.parse("all day")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openFromOpeningUntilJustBeforeClosing() {
        // 2026-11-27 is CST (UTC-6): 07:00 local = 13:00Z, midnight = 06:00Z next day
        assertThat(SEVEN_TO_MIDNIGHT.isOpenAt(Instant.parse("2026-11-27T12:59:00Z"), CHICAGO)).isFalse();
        assertThat(SEVEN_TO_MIDNIGHT.isOpenAt(Instant.parse("2026-11-27T13:00:00Z"), CHICAGO)).isTrue();
        assertThat(SEVEN_TO_MIDNIGHT.isOpenAt(Instant.parse("2026-11-28T05:59:00Z"), CHICAGO)).isTrue();
        assertThat(SEVEN_TO_MIDNIGHT.isOpenAt(Instant.parse("2026-11-28T06:00:00Z"), CHICAGO)).isFalse();
    }

    @Test
    void theNextOpeningAfterClosingIsTomorrowMorning() {
        assertThat(SEVEN_TO_MIDNIGHT.nextOpeningAt(Instant.parse("2026-11-28T06:30:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-11-28T13:00:00Z"));
        Instant open = Instant.parse("2026-11-27T15:00:00Z");
        assertThat(SEVEN_TO_MIDNIGHT.nextOpeningAt(open, CHICAGO)).isEqualTo(open);
    }

    @Test
    void localOpeningHourHoldsAcrossDst() {
        // Chicago springs forward on 2026-03-08: 07:00 is 13:00Z the day before and 12:00Z that day
        assertThat(SEVEN_TO_MIDNIGHT.nextOpeningAt(Instant.parse("2026-03-07T08:00:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-03-07T13:00:00Z"));
        assertThat(SEVEN_TO_MIDNIGHT.nextOpeningAt(Instant.parse("2026-03-08T08:00:00Z"), CHICAGO))
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
        // and closes at local midnight (05:00Z in CDT)
        assertThat(SEVEN_TO_MIDNIGHT.isOpenAt(Instant.parse("2026-03-09T04:59:00Z"), CHICAGO)).isTrue();
        assertThat(SEVEN_TO_MIDNIGHT.isOpenAt(Instant.parse("2026-03-09T05:00:00Z"), CHICAGO)).isFalse();
    }
}
