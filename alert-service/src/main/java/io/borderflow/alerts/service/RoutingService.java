package io.borderflow.alerts.service;

import io.borderflow.alerts.domain.NotFound;
import io.borderflow.alerts.domain.routing.Routing;
import io.borderflow.alerts.domain.routing.RoutingYaml;
import io.borderflow.alerts.repository.RoutingConfigEntity;
import io.borderflow.alerts.repository.RoutingConfigRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The routing configuration in force: stored versioned in PostgreSQL, the newest version held parsed in memory.
 * Read before the first record is consumed, after every PUT, and on every group flush round, so replicas follow
 * a change within one {@code delivery.poll-interval}. Without any stored version, or when the newest one records
 * that the configuration was removed, nothing is routed: every enabled channel gets every alert, one each.
 */
@ApplicationScoped
public class RoutingService {

    private static final Logger LOG = Logger.getLogger(RoutingService.class);

    /** A version with its parsed configuration; null when this version removed the configuration. */
    public record Version(long version, Routing routing) {
    }

    private final RoutingConfigRepository configs;
    private final Clock clock;
    private volatile Version current;

    RoutingService(RoutingConfigRepository configs, Clock clock) {
        this.configs = configs;
        this.clock = clock;
    }

    void load(@Observes StartupEvent startup) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::refresh);
    }

    /** The configuration in force, empty when none is. */
    public Optional<Routing> current() {
        Version version = current;
        return version == null ? Optional.empty() : Optional.ofNullable(version.routing());
    }

    /** The newest stored version; 404 when there is none in force. */
    public Uni<Version> get() {
        return refresh().map(version -> {
            if (version == null || version.routing() == null) {
                throw new NotFound("routing configuration", "(none stored: every enabled channel gets every alert)");
            }
            return version;
        });
    }

    /** Validates (the parser throws {@code InvalidRouting} naming the lines), stores a new version, and applies it. */
    public Uni<Version> replace(String yaml, String who) {
        return store(RoutingYaml.parse(yaml), yaml, who);
    }

    /** Stores a version that removes the configuration: every enabled channel gets every alert again. */
    public Uni<Version> remove(String who) {
        return store(null, null, who);
    }

    private Uni<Version> store(Routing routing, String yaml, String who) {
        RoutingConfigEntity row = new RoutingConfigEntity();
        row.yaml = yaml;
        row.createdBy = who;
        row.createdAt = clock.instant();
        return Panache.withTransaction(() -> configs.persist(row)).map(stored -> {
            Version version = new Version(stored.version, routing);
            LOG.infof("routing configuration version %d by %s%s", stored.version, who,
                    routing == null ? ": removed, every enabled channel gets every alert" : "");
            apply(version);
            return version;
        });
    }

    /** Reads the newest version; parses it only when it changed. */
    public Uni<Version> refresh() {
        return configs.newest().map(newest -> {
            Version known = current;
            if (newest == null) {
                return null;
            }
            if (known != null && known.version() >= newest.version()) {
                return known;
            }
            Version version = new Version(newest.version(),
                    newest.yaml() == null ? null : RoutingYaml.parse(newest.yaml()));
            apply(version);
            return version;
        });
    }

    private synchronized void apply(Version version) {
        if (current == null || current.version() < version.version()) {
            current = version;
        }
    }
}
