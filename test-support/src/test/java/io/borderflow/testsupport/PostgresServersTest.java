package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServersTest {

    @Test
    void selectOneThroughTheLocalServer() throws SQLException {
        assumeTrue(PostgresServers.localAnswers(), "no PostgreSQL on 127.0.0.1:5432");

        assertThat(selectOne(PostgresServers.start(Mode.LOCAL))).isEqualTo(1);
    }

    @Test
    void selectOneThroughEmbeddedPostgres() throws SQLException {
        assertThat(selectOne(PostgresServers.start(Mode.EMBEDDED))).isEqualTo(1);
    }

    @Test
    void eachDatabaseStartsEmptyAndIsDroppedAfterwards() throws SQLException {
        PostgresServer server = PostgresServers.shared();
        PostgresDatabase first = server.createDatabase();
        PostgresDatabase second = server.createDatabase();
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table shipment(id text primary key)");
            statement.execute("insert into shipment values ('SHP-1')");
        }

        assertThat(first.count("select count(*) from shipment")).isEqualTo(1);
        assertThatThrownBy(() -> second.count("select count(*) from shipment"))
                .hasRootCauseMessage("ERROR: relation \"shipment\" does not exist\n  Position: 22");

        first.drop();
        second.drop();
        assertThatThrownBy(first::connect).isInstanceOf(SQLException.class);
    }

    private static int selectOne(PostgresServer server) throws SQLException {
        PostgresDatabase database = server.createDatabase();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            return rows.getInt(1);
        } finally {
            database.drop();
        }
    }
}
