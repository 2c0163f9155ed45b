package io.borderflow.alerts.restart;

import static io.borderflow.alerts.support.Api.alert;
import static io.borderflow.alerts.support.Api.alertsAt;
import static io.borderflow.alerts.support.Api.produce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.alerts.support.Events;
import io.borderflow.alerts.support.TestClock;
import io.borderflow.events.Topics;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application starts on the database of one that stopped while an alert was pending
 * ({@link PendingAlertLeftBehind}: pending since 5 minutes before this start, with a {@code for} of 10 minutes).
 * The alert keeps its pending-since time and fires at its original deadline without new input — not
 * 10 minutes after the start. One class, its own database: it runs alone or among the others, in any order.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PendingAlertLeftBehind.class)
class RestartDuringPendingTest {

    /** Gets the same update from Kafka while this application runs, to compare its row with the one left behind. */
    private static final String ELSEWHERE = "calexico-east";

    /** What a stopped application's row holds, besides the series' identity and the time of the last write. */
    private static final String STATE_COLUMNS = "rule_id, severity, state, condition, value, active_at, starts_at, "
            + "ends_at, false_since, last_observed_at, acknowledged_by, acknowledged_at, acknowledge_comment, "
            + "last_notified_at, notification_sequence";

    @InjectKafka
    KafkaCompanion kafka;

    @InjectPostgres
    PostgresDatabase database;

    @Inject
    TestClock clock;

    @Test
    void anAlertPendingAcrossARestartKeepsItsPendingSinceTimeAndFiresOnSchedule() throws SQLException {
        Instant restartedAt = clock.instant();
        Map<String, Object> leftBehind = pending(PendingAlertLeftBehind.CROSSING);
        String fingerprint = (String) leftBehind.get("fingerprint");
        Instant activeAt = Instant.parse((String) leftBehind.get("activeAt"));
        Instant deadline = activeAt.plus(Duration.ofMinutes(10));
        assertThat(deadline).as("the restart came before the deadline").isAfter(restartedAt);

        // the row left behind is the one a running application writes for the same update
        produce(kafka, Topics.CROSSING_DELAYS, ELSEWHERE + "/NORTHBOUND/FAST",
                Events.liveWait(ELSEWHERE, PendingAlertLeftBehind.LIVE_WAIT, activeAt));
        await().atMost(Duration.ofSeconds(30)).until(() -> alertsAt(ELSEWHERE).stream()
                .anyMatch(a -> PendingAlertLeftBehind.RULE.equals(a.get("ruleId"))));
        assertThat(stateOf(PendingAlertLeftBehind.CROSSING)).isEqualTo(stateOf(ELSEWHERE));

        // the new application's ticks keep it pending: its clock did not restart, nor is the deadline here
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
                .until(() -> "PENDING".equals(alert(fingerprint).getString("state")));

        clock.advance(Duration.between(clock.instant(), deadline).plusSeconds(1));
        await().atMost(Duration.ofSeconds(15)).until(() -> "FIRING".equals(alert(fingerprint).getString("state")));

        Instant startsAt = Instant.parse(alert(fingerprint).getString("startsAt"));
        assertThat(startsAt).isAfterOrEqualTo(deadline).isBefore(restartedAt.plus(Duration.ofMinutes(10)));
        assertThat(alert(fingerprint).getString("activeAt")).isEqualTo(activeAt.toString());
    }

    private static Map<String, Object> pending(String crossing) {
        List<Map<String, Object>> alerts = alertsAt(crossing);
        assertThat(alerts).extracting(a -> a.get("ruleId"), a -> a.get("state"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PendingAlertLeftBehind.RULE, "PENDING"));
        return alerts.get(0);
    }

    /** The instance's state columns, and its labels with the crossing's name left out. */
    private List<Object> stateOf(String crossing) throws SQLException {
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "select " + STATE_COLUMNS + ", replace(labels, crossing_id, '') from alerts.alert_instance "
                        + "where crossing_id = ? and rule_id = ?")) {
            statement.setString(1, crossing);
            statement.setString(2, PendingAlertLeftBehind.RULE);
            try (var rows = statement.executeQuery()) {
                assertThat(rows.next()).as("an instance at " + crossing).isTrue();
                List<Object> columns = new ArrayList<>();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    columns.add(rows.getObject(i));
                }
                return columns;
            }
        }
    }
}
