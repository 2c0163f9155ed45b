package io.borderflow.alerts.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Alert changes for the SSE stream: those of every instance of the service, as {@code AlertChangesFollower} reads
 * them from {@code alerts.v1}, so a client connected to any replica sees them all.
 */
@ApplicationScoped
public class AlertStream {

    private final BroadcastProcessor<AlertView> processor = BroadcastProcessor.create();

    public void publish(AlertView view) {
        processor.onNext(view);
    }

    /** Each subscriber sees the changes from its subscription on; a slow one drops, never blocks the others. */
    public Multi<AlertView> changes() {
        return processor.onOverflow().drop();
    }
}
