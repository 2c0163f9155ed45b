package io.borderflow.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL database for a {@code @QuarkusTest}: a new, empty database on the shared server per
 * resource start (so per test class), dropped at the end. Configures both the reactive client and the
 * JDBC URL that Flyway migrates through.
 *
 * <p>Mode ({@code -Dborderflow.test.postgres} or {@code BORDERFLOW_TEST_POSTGRES}): {@code auto}
 * (default: 127.0.0.1:5432 if it answers, else embedded from Maven-shipped binaries, else Testcontainers
 * when Docker answers), {@code local}, {@code embedded}, {@code testcontainers}, {@code external}
 * ({@code BORDERFLOW_TEST_POSTGRES_URL}).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(PostgresResource.class);

    private PostgresDatabase database;

    @Override
    public Map<String, String> start() {
        PostgresServer server = PostgresServers.shared();
        database = server.createDatabase();
        LOG.infof("PostgreSQL for tests: %s server, database %s", server.kind(), database.name());
        return Map.of(
                "quarkus.datasource.reactive.url", database.reactiveUrl(),
                "quarkus.datasource.jdbc.url", database.jdbcUrl(),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(database,
                new TestInjector.AnnotatedAndMatchesType(InjectPostgres.class, PostgresDatabase.class));
    }

    @Override
    public void stop() {
        if (database != null) {
            database.drop();
            database = null;
        }
    }
}
