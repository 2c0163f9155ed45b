package io.borderflow.alerts.messaging;

import io.borderflow.alerts.service.AlertEvaluator;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.support.messaging.Stopping;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Evaluates the rules on every delay update. A record that cannot be read goes to its dead-letter topic
 * straight away; one whose evaluation fails (a lost race to insert the same instance, a broken connection)
 * is retried twice first,
 * then dead-lettered too, so one bad record never stops the partition — unless the service is stopping: then the
 * failure is its closed pool, and the record is left for the next instance ({@link Stopping}). Both channels are
 * configured in application.properties: failure-strategy dead-letter-queue, commit-strategy throttled.
 */
@ApplicationScoped
public class DelayConsumer {

    private static final Logger LOG = Logger.getLogger(DelayConsumer.class);

    private final AlertEvaluator evaluator;
    private final Stopping stopping;

    DelayConsumer(AlertEvaluator evaluator, Stopping stopping) {
        this.evaluator = evaluator;
        this.stopping = stopping;
    }

    @Incoming("crossing-delays")
    public Uni<Void> onCrossingDelay(ConsumerRecord<String, CrossingDelayUpdated> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem(); // a tombstone on the compacted topic: nothing to evaluate
        }
        return withRetries(evaluator.onCrossingDelay(record.value()), record);
    }

    @Incoming("shipment-delays")
    public Uni<Void> onShipmentDelay(ConsumerRecord<String, ShipmentDelayUpdated> record) {
        if (record.value() == null) {
            return Uni.createFrom().voidItem();
        }
        return withRetries(evaluator.onShipmentDelay(record.value()), record);
    }

    private Uni<Void> withRetries(Uni<Void> evaluation, ConsumerRecord<String, ?> record) {
        return stopping.leavePendingOnFailure(evaluation)
                .onFailure().invoke(failure -> LOG.warnf("evaluating %s-%d@%d failed: %s", record.topic(),
                        record.partition(), record.offset(), failure.getMessage()))
                // retried at once, on the record's own context: a backoff would resume on a thread without one
                .onFailure().retry().atMost(2);
    }
}
