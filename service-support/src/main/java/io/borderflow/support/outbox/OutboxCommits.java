package io.borderflow.support.outbox;

import io.borderflow.support.repository.OutboxRepository;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells this process when any instance of the service committed an outbox append: PostgreSQL's LISTEN on the
 * outbox's channel, which every append notifies ({@link OutboxRepository#channel()}). One connection per process,
 * opened by the first listener and reconnected after a loss; the relays keep polling, so a lost notification only
 * costs a poll interval.
 */
@ApplicationScoped
public class OutboxCommits {

    private static final Logger LOG = Logger.getLogger(OutboxCommits.class);
    private static final long RECONNECT_MILLIS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String channel;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private PgSubscriber subscriber;

    OutboxCommits(Vertx vertx, OutboxRepository outbox,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        this.channel = outbox.channel();
    }

    /** Runs {@code listener} (on a Vert.x event loop: it must not block) after every committed append. */
    public synchronized void onCommit(Runnable listener) {
        listeners.add(listener);
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
            subscriber.channel(channel).handler(ignored -> listeners.forEach(Runnable::run));
            subscriber.closeHandler(ignored -> LOG.debugf("LISTEN %s: connection closed", channel));
            subscriber.connect().onFailure(failure -> LOG.warnf(
                    "cannot LISTEN %s, the outbox relays only poll: %s", channel, failure.toString()));
        }
    }

    @PreDestroy
    synchronized void close() {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
