package io.borderflow.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which receiver answers are retried, and how long the worker waits before the next attempt. */
class DeliveryPolicyTest {

    @ParameterizedTest(name = "HTTP {0} → {1}")
    @CsvSource({
            "200, Delivered", "202, Delivered", "204, Delivered",
            "429, Retry", "500, Retry", "502, Retry", "503, Retry", "504, Retry",
            "400, Reject", "401, Reject", "403, Reject", "404, Reject", "410, Reject", "422, Reject", "301, Reject"})
    void onlyConnectionErrors429And5xxAreRetried(int status, String outcome) {
        assertThat(DeliveryResult.ofHttpStatus(status, "body").getClass().getSimpleName()).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "attempt {0}: between {1} and {2} ms")
    @CsvSource({"1, 2500, 5000", "2, 5000, 10000", "3, 10000, 20000", "7, 160000, 320000", "8, 300000, 600000",
            "30, 300000, 600000"})
    void backoffDoublesPerAttemptWithJitterUpToTheMaximum(int attempt, long lowest, long highest) {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delayAfter(attempt).toMillis()).isBetween(lowest, highest);
        }
    }

    @ParameterizedTest(name = "attempt {0} is jittered")
    @CsvSource({"1", "4"})
    void retriesDoNotAllWaitTheSameTime(int attempt) {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10));
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.delayAfter(attempt)).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }
}
