package io.borderflow.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoppingTest {

    final Stopping stopping = new Stopping();
    final Uni<String> failing = Uni.createFrom().failure(new IllegalStateException("Pool closed"));

    @Test
    void aFailureWhileRunningFailsAsItIs() {
        assertThat(stopping.now()).isFalse();
        assertThatThrownBy(() -> stopping.leavePendingOnFailure(failing).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Pool closed");
    }

    /** Pending: never acknowledged, never dead-lettered; "never completes" can only be watched for a while. */
    @Test
    void aFailureOnceStoppingLeavesTheRecordPendingAndASuccessStillCompletes() {
        stopping.onShutdown(null);

        assertThat(stopping.now()).isTrue();
        assertThatThrownBy(() -> stopping.leavePendingOnFailure(failing).await().atMost(Duration.ofMillis(300)))
                .isInstanceOf(TimeoutException.class);
        assertThat(stopping.leavePendingOnFailure(Uni.createFrom().item("stored")).await().atMost(Duration.ofSeconds(5)))
                .isEqualTo("stored");
    }
}
