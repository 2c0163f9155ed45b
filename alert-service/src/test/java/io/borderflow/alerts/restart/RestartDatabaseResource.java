package io.borderflow.alerts.restart;

import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresServer;
import io.borderflow.testsupport.PostgresServers;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.DriverManager;
import java.util.Map;

/**
 * One database that outlives an application restart: the first test class to start creates it, the next
 * one gets the same database (the JVM remembers its name), and it is dropped when the JVM ends.
 */
public class RestartDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final String NAME_PROPERTY = "borderflow.test.restart-database";

    private PostgresDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        PostgresServer server = PostgresServers.shared();
        String name = System.getProperty(NAME_PROPERTY);
        if (name == null) {
            database = server.createDatabase();
            System.setProperty(NAME_PROPERTY, database.name());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, database.name())));
        } else {
            database = new PostgresDatabase(server, name);
        }
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
        // kept for the next application start; dropped at JVM exit
    }

    private static void drop(PostgresServer server, String name) {
        String admin = "jdbc:postgresql://" + server.host() + ":" + server.port() + "/" + server.adminDatabase();
        try (var connection = DriverManager.getConnection(admin, server.user(), server.password());
                var statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (Exception e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }
}
