package io.borderflow.support.outbox;

import io.borderflow.support.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells this process when any instance of the service committed an outbox append: every append notifies the
 * outbox's channel ({@link OutboxRepository#channel()}). The relays keep polling, so a lost notification only costs a
 * poll interval.
 */
@ApplicationScoped
public class OutboxCommits {

    private final PgNotifications notifications;
    private final String channel;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    OutboxCommits(PgNotifications notifications, OutboxRepository outbox) {
        this.notifications = notifications;
        this.channel = outbox.channel();
    }

    /** Runs {@code listener} (on a Vert.x event loop: it must not block) after every committed append. */
    public synchronized void onCommit(Runnable listener) {
        if (listeners.isEmpty()) {
            notifications.listen(channel, () -> listeners.forEach(Runnable::run));
        }
        listeners.add(listener);
    }
}
