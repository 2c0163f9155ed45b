package io.borderflow.alerts.restart;

import io.borderflow.alerts.domain.AlertInstance;
import io.borderflow.alerts.domain.Condition;
import io.borderflow.alerts.domain.Labels;
import io.borderflow.alerts.domain.Lifecycle;
import io.borderflow.alerts.domain.Observation;
import io.borderflow.alerts.domain.Rule;
import io.borderflow.alerts.domain.Timing;
import io.borderflow.alerts.mapping.AlertMapping;
import io.borderflow.alerts.mapping.RuleMapping;
import io.borderflow.alerts.repository.AlertInstanceEntity;
import io.borderflow.alerts.repository.RuleEntity;
import io.borderflow.alerts.service.RuleService;
import io.borderflow.testsupport.PostgresResource;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A database as a stopped alert-service leaves it while an alert is pending: migrated, the default rules
 * seeded, and the {@code live-wait-warning} instance of {@value #CROSSING} northbound FAST pending since
 * 5 minutes before the application under test starts: 5 minutes before its {@code for} (10 min) has passed.
 *
 * <p>The rows are made by the service's own lifecycle and mapping code ({@link Lifecycle}, {@link AlertMapping},
 * {@link RuleMapping}) and written column by column from the entities' fields; the test compares them with
 * the row the running application writes for the same update, so they are what an application leaves behind.
 */
public class PendingAlertLeftBehind extends PostgresResource {

    static final String CROSSING = "otay-mesa";
    static final String RULE = "live-wait-warning";
    static final double LIVE_WAIT = 120;

    @Override
    public Map<String, String> start() {
        Map<String, String> datasource = super.start();
        String url = datasource.get("quarkus.datasource.jdbc.url");
        String user = datasource.get("quarkus.datasource.username");
        String password = datasource.get("quarkus.datasource.password");
        Instant activeAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(5));
        Flyway.configure().dataSource(url, user, password).schemas("alerts").createSchemas(true).load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            for (Rule rule : RuleService.defaults()) {
                RuleEntity row = RuleMapping.apply(rule, new RuleEntity());
                row.createdAt = activeAt.minus(Duration.ofHours(1));
                row.updatedAt = row.createdAt;
                insert(connection, "alerts.rule", row);
            }
            insert(connection, "alerts.alert_instance", pendingInstance(activeAt));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot leave a pending alert behind", e);
        }
        return datasource;
    }

    private static AlertInstanceEntity pendingInstance(Instant activeAt) {
        Rule rule = RuleService.defaults().stream().filter(r -> r.id().equals(RULE)).findFirst().orElseThrow();
        Labels labels = rule.labelsFor(Map.of(Labels.CROSSING, CROSSING, Labels.DIRECTION, "NORTHBOUND",
                Labels.LANE, "FAST"));
        AlertInstance pending = Lifecycle.observe(AlertInstance.inactive(rule.id(), labels),
                new Observation(rule.evaluate(LIVE_WAIT), LIVE_WAIT, activeAt, UUID.randomUUID()),
                Timing.of(rule, Duration.ofHours(4)), false).instance();
        if (pending.condition() != Condition.TRUE) {
            throw new IllegalStateException(LIVE_WAIT + " min must meet " + RULE);
        }
        AlertInstanceEntity row = AlertMapping.apply(pending, new AlertInstanceEntity());
        row.updatedAt = activeAt;
        return row;
    }

    /** {@code insert into table (column…)} from the entity's mapped fields, named as Hibernate names them. */
    static void insert(Connection connection, String table, Object entity) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        // Hibernate's enhancement hides the mapped fields behind accessors and adds its own ($$_hibernate_…)
        for (Field field : entity.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                    || field.isSynthetic() || field.getName().startsWith("$$")) {
                continue;
            }
            field.setAccessible(true);
            columns.add(field.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT));
            try {
                Object value = field.get(entity);
                values.add(value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            statement.executeUpdate();
        }
    }
}
