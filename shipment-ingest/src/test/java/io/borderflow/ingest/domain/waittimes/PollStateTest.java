package io.borderflow.ingest.domain.waittimes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PollStateTest {

    private static final Instant T0 = Instant.parse("2026-09-17T23:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Duration INITIAL = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(30);

    @ParameterizedTest(name = "failure {0} in a row → next poll after {1}")
    @CsvSource({"1, PT30S", "2, PT1M", "3, PT2M", "6, PT16M", "7, PT30M", "50, PT30M"})
    void backoffDoublesPerFailureUpToItsCap(int failures, Duration delay) {
        assertThat(PollState.backoff(failures, INITIAL, MAX)).isEqualTo(delay);
    }

    @Test
    void theFirstPollIsDueAtStart() {
        assertThat(PollState.start(T0).due(T0)).isTrue();
    }

    @Test
    void aSuccessWaitsThePollIntervalAndEndsTheOutage() {
        PollState failing = PollState.start(T0).failed(T0, "HTTP 500", INITIAL, MAX).failed(T0, "HTTP 500", INITIAL, MAX);

        PollState ok = failing.succeeded(T0.plusSeconds(90), INTERVAL);

        assertThat(ok).isEqualTo(new PollState(T0.plusSeconds(90).plus(INTERVAL), T0.plusSeconds(90), 0, null));
        assertThat(ok.due(T0.plusSeconds(90 + 299))).isFalse();
        assertThat(ok.due(T0.plusSeconds(90 + 300))).isTrue();
    }

    @Test
    void onlyTheFirstFailureOfAnOutageBeginsIt() {
        PollState ok = PollState.start(T0).succeeded(T0, INTERVAL);

        PollState first = ok.failed(T0, "timeout", INITIAL, MAX);
        PollState second = first.failed(T0.plusSeconds(30), "timeout", INITIAL, MAX);

        assertThat(first.outageBegins()).isTrue();
        assertThat(first.lastSuccessAt()).isEqualTo(T0);
        assertThat(first.nextAttemptAt()).isEqualTo(T0.plus(INITIAL));
        assertThat(second.outageBegins()).isFalse();
        assertThat(second.lastFailure()).isEqualTo("timeout");
        assertThat(second.nextAttemptAt()).isEqualTo(T0.plusSeconds(30).plusSeconds(60));
    }
}
