package io.borderflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");
    private final EventTimeWindow window = new EventTimeWindow(Duration.ofMinutes(5), Duration.ofDays(7));

    @Test
    void anEventUpToFiveMinutesAheadOfTheServerClockIsBelieved() {
        assertThat(window.check(NOW.plus(Duration.ofMinutes(5)), NOW)).isEmpty();
        assertThat(window.check(NOW, NOW)).isEmpty();
    }

    @Test
    void anEventFurtherAheadIsRefused() {
        assertThat(window.check(NOW.plus(Duration.ofMinutes(5)).plusMillis(1), NOW)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Rejection.Reason.OCCURRED_AT_OUT_OF_RANGE);
            assertThat(r.detail()).isEqualTo("occurredAt 2026-11-27T18:05:00.001Z is more than 5 min in the future");
        });
    }

    @Test
    void anEventUpToSevenDaysOldIsBelievedAndAnOlderOneRefused() {
        assertThat(window.check(NOW.minus(Duration.ofDays(7)), NOW)).isEmpty();
        assertThat(window.check(NOW.minus(Duration.ofDays(7)).minusMillis(1), NOW))
                .hasValueSatisfying(r -> assertThat(r.detail()).contains("older than 7 days"));
    }
}
