package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.RuleRepository;
import io.borderflow.support.outbox.PgNotifications;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The enabled rules, kept in memory: every delay update needs them, and most updates need nothing else from the
 * database (no rule applies, or none of its conditions holds where nothing is active). Read again after any
 * change of a rule — at once after this instance's own changes, on the {@code alerts_rule} notification (migration
 * V7's trigger) after another instance's — and at the latest {@link #MAX_AGE} after the last read, in case a
 * notification was lost with the LISTEN connection.
 */
@ApplicationScoped
public class EnabledRules {

    static final String CHANNEL = "alerts_rule";
    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Snapshot(List<Rule> rules, Instant readAt) {
    }

    private final RuleRepository rows;
    private final PgNotifications notifications;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Snapshot snapshot;

    EnabledRules(RuleRepository rows, PgNotifications notifications, Clock clock) {
        this.rows = rows;
        this.notifications = notifications;
        this.clock = clock;
    }

    void listen(@Observes StartupEvent started) {
        notifications.listen(CHANNEL, this::changed);
    }

    /** Forgets the rules: the next call reads them again. */
    public void changed() {
        changes.incrementAndGet();
        snapshot = null;
    }

    /** The enabled rules, in id order; read in the caller's session when not in memory. */
    public Uni<List<Rule>> current() {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.readAt().plus(MAX_AGE))) {
            return Uni.createFrom().item(known.rules());
        }
        long before = changes.get();
        return Panache.withSession(() -> rows.enabled()).map(found -> {
            List<Rule> rules = found.stream().map(RuleMapping::toDomain).toList();
            if (changes.get() == before) { // a change during the read: keep nothing, the next call reads again
                snapshot = new Snapshot(rules, now);
            }
            return rules;
        });
    }
}
