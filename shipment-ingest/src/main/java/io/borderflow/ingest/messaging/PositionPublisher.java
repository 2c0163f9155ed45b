package io.borderflow.ingest.messaging;

import io.borderflow.events.PositionReported;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Produces positions to positions.v1, keyed by shipmentId: one shipment's pings stay in one partition, in the
 * order sent, for the geofence derivation. Completes when the broker acknowledged; a request waits for its sends
 * together, with {@link BrokerAcknowledgements} — as {@link CheckpointPublisher}.
 */
@ApplicationScoped
public class PositionPublisher {

    @Inject
    @Channel("positions-out")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    MutinyEmitter<PositionReported> emitter;

    public Uni<Void> publish(PositionReported position) {
        Message<PositionReported> message = Message.of(position)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(position.shipmentId()).build());
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message));
    }
}
