package io.borderflow.alerts.service;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.jboss.logging.Logger;

/** What every scheduled round of the service shares: a failure or a hang is logged, and the next round retries. */
public final class ScheduledRound {

    private ScheduledRound() {
    }

    /**
     * @param timeout a round that hangs (a lock never granted, a peer that never answers) fails after it: with
     *                {@code ConcurrentExecution.SKIP} it would otherwise stop every later round
     */
    public static Uni<Void> guarded(Uni<?> round, Duration timeout, Logger log, String what) {
        return round.replaceWithVoid().ifNoItem().after(timeout).fail()
                .onFailure().invoke(failure -> log.warn(what + " failed; the next round retries", failure))
                .onFailure().recoverWithNull();
    }
}
