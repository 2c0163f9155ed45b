package io.borderflow.alerts.service;

import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Evaluates every {@code borderflow.alerts.evaluation-interval}, so pending alerts fire and firing ones
 * resolve or repeat even when no update arrives; then refreshes the alert gauges.
 */
@ApplicationScoped
public class EvaluationTicker {

    private static final Logger LOG = Logger.getLogger(EvaluationTicker.class);

    private static final Duration TICK_TIMEOUT = Duration.ofMinutes(1);

    private final AlertEvaluator evaluator;
    private final AlertMetrics metrics;
    private final Pool pool;

    EvaluationTicker(AlertEvaluator evaluator, AlertMetrics metrics, Pool pool) {
        this.evaluator = evaluator;
        this.metrics = metrics;
        this.pool = pool;
    }

    @Scheduled(every = "${borderflow.alerts.evaluation-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> evaluate() {
        return evaluator.tick()
                // a tick that hangs (a lock never granted) must not stop every later one: SKIP would skip them all
                .ifNoItem().after(TICK_TIMEOUT).fail()
                .onFailure().invoke(failure -> LOG.warn("evaluation tick failed; the next one retries", failure))
                .onFailure().recoverWithNull()
                .flatMap(ignored -> refreshGauges())
                .onFailure().recoverWithNull();
    }

    private Uni<Void> refreshGauges() {
        return pool.query("select state, severity, count(*) as n from alerts.alert_instance group by state, severity")
                .execute().map(rows -> {
                    Map<AlertState, Map<Severity, Long>> counts = new EnumMap<>(AlertState.class);
                    rows.forEach(row -> counts.computeIfAbsent(AlertState.valueOf(row.getString("state")),
                                    state -> new EnumMap<>(Severity.class))
                            .put(Severity.valueOf(row.getString("severity")), row.getLong("n")));
                    metrics.alertCounts(counts);
                    return null;
                });
    }
}
