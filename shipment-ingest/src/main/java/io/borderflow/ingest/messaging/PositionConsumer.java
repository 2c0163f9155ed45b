package io.borderflow.ingest.messaging;

import io.borderflow.events.PositionReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.events.serde.PositionReportedDeserializer;
import io.borderflow.ingest.service.GeofenceService;
import io.borderflow.support.messaging.Stopping;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds positions.v1 to the geofence derivation, one record at a time per partition (one shipment's pings in the
 * order published). A record that cannot be read goes to positions.v1.dlq with the reason in its headers; a
 * database error is retried with backoff, then dead-lettered the same way — as {@link ReadModelConsumer}.
 */
@ApplicationScoped
public class PositionConsumer {

    private static final int DATABASE_ATTEMPTS = 8;

    private final JsonSerde<PositionReported> positionJson = new PositionReportedDeserializer();
    private final GeofenceService geofences;
    private final Stopping stopping;

    public PositionConsumer(GeofenceService geofences, Stopping stopping) {
        this.geofences = geofences;
        this.stopping = stopping;
    }

    @Incoming("positions-in")
    public Uni<Void> onPosition(byte[] value) {
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        PositionReported position = positionJson.deserialize(Topics.POSITIONS, value);
        Context consumer = Vertx.currentContext();
        // while ingest stops, a failure is its closed pool: the ping is left for the next instance (Stopping)
        return stopping.leavePendingOnFailure(Uni.createFrom().deferred(() -> geofences.derive(position)))
                // a retry is resubscribed from a timer thread: run every attempt on the consumer's context
                .runSubscriptionOn(command -> consumer.runOnContext(ignored -> command.run()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(DATABASE_ATTEMPTS);
    }
}
