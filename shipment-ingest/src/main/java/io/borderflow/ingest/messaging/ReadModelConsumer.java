package io.borderflow.ingest.messaging;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.CheckpointRecordedDeserializer;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.events.serde.ShipmentDelayUpdatedDeserializer;
import io.borderflow.ingest.repository.CheckpointRepository;
import io.borderflow.ingest.repository.ShipmentDelayRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the carriers' read model (timeline and delay status) from checkpoints.v1 and shipment-delays.v1.
 * Both writes are idempotent by eventId, so redelivery after a crash is harmless. A record that cannot be read
 * fails at once and goes to {@code <topic>.dlq} with the reason in its headers (failure-strategy
 * dead-letter-queue); a database error is retried with backoff first, then dead-lettered as well.
 */
@ApplicationScoped
public class ReadModelConsumer {

    private static final int DATABASE_ATTEMPTS = 8;

    private final JsonSerde<CheckpointRecorded> checkpointJson = new CheckpointRecordedDeserializer();
    private final JsonSerde<ShipmentDelayUpdated> delayJson = new ShipmentDelayUpdatedDeserializer();
    private final CheckpointRepository checkpoints;
    private final ShipmentDelayRepository delays;

    public ReadModelConsumer(CheckpointRepository checkpoints, ShipmentDelayRepository delays) {
        this.checkpoints = checkpoints;
        this.delays = delays;
    }

    @Incoming("checkpoints-in")
    public Uni<Void> onCheckpoint(byte[] value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        CheckpointRecorded event = checkpointJson.deserialize(Topics.CHECKPOINTS, value);
        return store(() -> checkpoints.record(event));
    }

    @Incoming("shipment-delays-in")
    public Uni<Void> onShipmentDelay(byte[] value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        ShipmentDelayUpdated event = delayJson.deserialize(Topics.SHIPMENT_DELAYS, value);
        return store(() -> delays.record(event));
    }

    private static Uni<Void> store(Supplier<Uni<Integer>> write) {
        Context consumer = Vertx.currentContext();
        return Uni.createFrom().deferred(() -> Panache.withTransaction(write))
                // a retry is resubscribed from a timer thread: run every attempt on the consumer's context
                .runSubscriptionOn(command -> consumer.runOnContext(ignored -> command.run()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(DATABASE_ATTEMPTS)
                .replaceWithVoid();
    }
}
