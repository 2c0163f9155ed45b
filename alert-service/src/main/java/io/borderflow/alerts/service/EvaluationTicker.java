package io.borderflow.alerts.service;

import io.borderflow.alerts.repository.AlertInstanceRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
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
    private final AlertInstanceRepository instances;

    EvaluationTicker(AlertEvaluator evaluator, AlertMetrics metrics, AlertInstanceRepository instances) {
        this.evaluator = evaluator;
        this.metrics = metrics;
        this.instances = instances;
    }

    @Scheduled(every = "${borderflow.alerts.evaluation-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not while the application stops: its database pool closes before the scheduler's last ticks
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> evaluate() {
        return ScheduledRound.guarded(evaluator.tick(), TICK_TIMEOUT, LOG, "evaluation tick")
                .flatMap(ignored -> refreshGauges())
                .onFailure().recoverWithNull();
    }

    private Uni<Void> refreshGauges() {
        return instances.countByStateAndSeverity().invoke(metrics::alertCounts).replaceWithVoid();
    }
}
