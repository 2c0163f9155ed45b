package io.borderflow.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RoundTest {

    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile CompletableFuture<Void> release = new CompletableFuture<>();

    private final Round round = new Round(vertx, () -> {
        started.incrementAndGet();
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        CompletableFuture<Void> current = release;
        return Uni.createFrom().completionStage(current).eventually(running::decrementAndGet);
    });

    @AfterEach
    void close() {
        release.complete(null);
        vertx.close();
    }

    @Test
    void wakeUpsDuringARoundRunExactlyOneMoreAfterIt() {
        round.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);

        CompletableFuture<Void> first = release;
        release = new CompletableFuture<>();
        round.wake();
        round.wake();
        round.wake();
        first.complete(null);

        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
        release.complete(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == 0);
        assertThat(started.get()).as("three wake-ups during the first round: one more round").isEqualTo(2);
        assertThat(mostAtOnce.get()).isEqualTo(1);

        round.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 3);
    }

    @Test
    void aFailedRoundDoesNotStopTheNext() {
        Round failing = new Round(vertx, () -> {
            started.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("broker away"));
        });
        failing.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 1);
        failing.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> started.get() == 2);
    }
}
