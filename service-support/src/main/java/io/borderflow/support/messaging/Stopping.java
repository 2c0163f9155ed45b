package io.borderflow.support.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether this process is stopping, from Quarkus' {@link ShutdownEvent} on: it comes before the database pools
 * close, while the Kafka consumers still hand over the records they polled. A record whose processing fails from
 * then on was interrupted by the stop, not refused, so it must be neither retried nor dead-lettered: left pending,
 * it is never acknowledged, its offset is not committed, and the next instance to own its partition reads it again.
 * Without this, one graceful stop of alert-service under traffic sent 24 delay updates to the dead-letter topics.
 */
@ApplicationScoped
public class Stopping {

    private volatile boolean stopping;

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    public boolean now() {
        return stopping;
    }

    /** The processing of one record (or batch), left pending instead of failing once the process stops. */
    public <T> Uni<T> leavePendingOnFailure(Uni<T> processing) {
        return processing.onFailure(failure -> stopping).recoverWithUni(() -> Uni.createFrom().nothing());
    }
}
