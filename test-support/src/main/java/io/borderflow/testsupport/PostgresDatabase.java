package io.borderflow.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One test class's own database, to query directly in assertions ("nothing reached the tables"). */
public record PostgresDatabase(PostgresServer server, String name) {

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    /** For the reactive client: {@code postgresql://host:port/name}. */
    public String reactiveUrl() {
        return "postgresql://" + server.host() + ":" + server.port() + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), server.user(), server.password());
    }

    /** The number of rows of a query like {@code select count(*) from ingest.shipment}. */
    public long count(String sql) {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("query failed: " + sql, e);
        }
    }

    void drop() {
        server.dropDatabase(name);
    }
}
