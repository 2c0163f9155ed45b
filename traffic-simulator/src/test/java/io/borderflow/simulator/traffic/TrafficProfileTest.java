package io.borderflow.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class TrafficProfileTest {

    private static final CrossingCatalog CATALOG = CrossingCatalog.load();
    private static final TrafficProfile PROFILE = TrafficProfile.load(CATALOG, false);
    private static final Crossing WORLD_TRADE = CATALOG.byId("laredo-world-trade-bridge").orElseThrow();
    /** Tuesday 1 December 2026, 11:00 in Laredo (CST, UTC-6): World Trade Bridge open, late-morning peak. */
    private static final Instant TUESDAY_11_LAREDO = Instant.parse("2026-12-01T17:00:00Z");
    /** The same Tuesday, 03:00 in Laredo: the bridge's cargo facility is closed (07–24). */
    private static final Instant TUESDAY_03_LAREDO = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void aShiftedProfileAnswersForNowAsTheUnshiftedOneForTheShiftedTime() {
        TrafficProfile atNight = PROFILE.shiftedBy(Duration.between(TUESDAY_11_LAREDO, TUESDAY_03_LAREDO));

        assertThat(PROFILE.northboundTrucksPerHour(WORLD_TRADE, TUESDAY_11_LAREDO)).isGreaterThan(100);
        assertThat(atNight.isOpen(WORLD_TRADE, TUESDAY_11_LAREDO)).isFalse();
        assertThat(atNight.northboundTrucksPerHour(WORLD_TRADE, TUESDAY_11_LAREDO)).isZero();
        assertThat(atNight.localTime(WORLD_TRADE, TUESDAY_11_LAREDO).getHour()).isEqualTo(3);
        for (Crossing crossing : CATALOG.all()) {
            Instant at = TUESDAY_11_LAREDO.plus(Duration.ofMinutes(97));
            Instant shaped = at.plus(Duration.between(TUESDAY_11_LAREDO, TUESDAY_03_LAREDO));
            assertThat(atNight.northboundTrucksPerHour(crossing, at)).isEqualTo(PROFILE.northboundTrucksPerHour(crossing, shaped));
            assertThat(atNight.load(crossing, at)).isEqualTo(PROFILE.load(crossing, shaped));
        }
    }

    @Test
    void shiftsAddUpAndKeepTheLocalTimeZoneRules() {
        Duration toJuly = Duration.between(TUESDAY_11_LAREDO, Instant.parse("2026-07-07T16:00:00Z"));
        ZonedDateTime july = PROFILE.shiftedBy(toJuly.minusHours(1)).shiftedBy(Duration.ofHours(1))
                .localTime(WORLD_TRADE, TUESDAY_11_LAREDO);
        // 16:00 UTC is 11:00 in Laredo on daylight time in July
        assertThat(july.getHour()).isEqualTo(11);
        assertThat(july.getMonthValue()).isEqualTo(7);
    }
}
