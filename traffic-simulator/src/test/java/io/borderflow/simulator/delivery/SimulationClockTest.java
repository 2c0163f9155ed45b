package io.borderflow.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulationClockTest {

    private final AtomicReference<Instant> wall = new AtomicReference<>(Instant.parse("2026-11-27T20:00:00Z"));

    private void advance(Duration duration) {
        wall.set(wall.get().plus(duration));
    }

    @Test
    void replaysTheHistorySpeedTimesFasterThenRunsLive() {
        SimulationClock clock = new SimulationClock(Duration.ofHours(2), 60, wall::get);
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));

        advance(Duration.ofMinutes(1));
        assertThat(clock.now()).isEqualTo(Instant.parse("2026-11-27T19:00:00Z"));
        assertThat(clock.caughtUp()).isFalse();

        advance(Duration.ofSeconds(90));
        assertThat(clock.now()).as("never ahead of real time").isEqualTo(wall.get());
        assertThat(clock.caughtUp()).isTrue();

        advance(Duration.ofMinutes(10));
        assertThat(clock.now()).isEqualTo(wall.get());
    }

    @Test
    void simulatedTimeNeverPassesNowNorGoesBackMoreThanTheApiAccepts() {
        SimulationClock clock = new SimulationClock(SimulationClock.MAX_HISTORY, 1000, wall::get);
        for (int i = 0; i < 2000; i++) {
            Instant now = clock.now();
            assertThat(now).isBeforeOrEqualTo(wall.get()).isAfter(wall.get().minus(Duration.ofDays(7)));
            advance(Duration.ofSeconds(1));
        }
        assertThatThrownBy(() -> new SimulationClock(Duration.ofDays(7), 10, wall::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimulationClock(Duration.ZERO, 0.5, wall::get))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realTimeWithoutHistoryIsTheWallClock() {
        SimulationClock clock = new SimulationClock(Duration.ZERO, 1, wall::get);
        advance(Duration.ofMinutes(3));
        assertThat(clock.now()).isEqualTo(wall.get());
    }
}
