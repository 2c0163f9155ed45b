package io.borderflow.alerts.messaging;

import io.borderflow.alerts.service.AlertQueries;
import io.borderflow.alerts.service.AlertStream;
import io.borderflow.events.AlertStateChanged;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Feeds the SSE stream from {@code alerts.v1}: with several replicas, the instance a client is connected to is
 * often not the one whose evaluation changed the alert. Each instance reads the topic in a consumer group of its
 * own, from the moment it starts, and streams the alert as it now is.
 */
@ApplicationScoped
public class AlertChangesFollower {

    private static final Logger LOG = Logger.getLogger(AlertChangesFollower.class);

    private final AlertQueries queries;
    private final AlertStream stream;

    AlertChangesFollower(AlertQueries queries, AlertStream stream) {
        this.queries = queries;
        this.stream = stream;
    }

    @Incoming("alert-changes")
    Uni<Void> follow(AlertStateChanged change) {
        if (change == null) {
            return Uni.createFrom().voidItem(); // unreadable: nothing to stream
        }
        return queries.current(change.fingerprint())
                .invoke(view -> {
                    if (view != null) {
                        stream.publish(view);
                    }
                })
                // the stream is a live view: a change it misses is in the next list the dashboard loads
                .onFailure().invoke(failure -> LOG.warnf("alert %s not streamed: %s", change.fingerprint(), failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
