package io.borderflow.support.outbox;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * PostgreSQL LISTEN for this process: one connection to the service's database, opened by the first listener and
 * reconnected after a loss. A notification is sent when its transaction commits; one lost while the connection is
 * re-established is not repeated, so every listener keeps a fallback (a poll, an expiry).
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    private static final long RECONNECT_MILLIS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    PgNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    /** Runs {@code listener} (on a Vert.x event loop: it must not block) on every notification of {@code channel}. */
    public synchronized void listen(String channel, Runnable listener) {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
            subscriber.closeHandler(ignored -> LOG.debug("LISTEN connection closed"));
            subscriber.connect().onFailure(failure -> LOG.warnf(
                    "cannot LISTEN to PostgreSQL, falling back to polling: %s", failure.toString()));
        }
        subscriber.channel(channel).handler(ignored -> listener.run());
    }

    @PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
