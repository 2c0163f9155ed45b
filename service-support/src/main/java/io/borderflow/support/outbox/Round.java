package io.borderflow.support.outbox;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A round of work (relay an outbox, deliver due notifications) run whenever it is woken — by its poll and by every
 * committed change it serves — never two at once in this process. A wake-up during a round runs one more round
 * after it: the change it announces may have committed after the running round read.
 */
public final class Round {

    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int RUNNING_AGAIN = 2;

    private final Vertx vertx;
    private final Supplier<Uni<Void>> body;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    /** @param body one round; it must end (fail or time out) by itself */
    public Round(Vertx vertx, Supplier<Uni<Void>> body) {
        this.vertx = vertx;
        this.body = body;
    }

    /** Starts a round now, or one more after the running one. Never blocks. */
    public void wake() {
        if (state.getAndUpdate(s -> Math.min(s + 1, RUNNING_AGAIN)) == IDLE) {
            start();
        }
    }

    private void start() {
        // a fresh, safe sub-context per round: Hibernate Reactive keeps its session there
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().<Void>deferred(body::get)
                .subscribe().with(done -> finished(), failure -> finished()));
    }

    private void finished() {
        if (!state.compareAndSet(RUNNING, IDLE)) {
            state.set(RUNNING);
            start();
        }
    }
}
