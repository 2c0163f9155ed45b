package io.borderflow.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void holdsTheAverageRateAfterAOneSecondBurst() throws InterruptedException {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(100, nanos::get, nanos::addAndGet);
        for (int i = 0; i < 1_100; i++) {
            limiter.acquire(1);
        }
        // a second's worth goes at once, the remaining 1,000 events take 10 s at 100 a second
        assertThat(nanos.get() / 1e9).isCloseTo(10.0, offset(0.05));
    }
}
