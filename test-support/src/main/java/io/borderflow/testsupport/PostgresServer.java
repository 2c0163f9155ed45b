package io.borderflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A running PostgreSQL server that tests may create databases on.
 *
 * @param adminDatabase an existing database to connect to for CREATE/DROP DATABASE
 */
public record PostgresServer(String kind, String host, int port, String user, String password, String adminDatabase) {

    /** Creates an empty database with a unique name. */
    public PostgresDatabase createDatabase() {
        String name = "bf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        return new PostgresDatabase(this, name);
    }

    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(adminDatabase), user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL (" + kind + ") refused: " + sql, e);
        }
    }
}
