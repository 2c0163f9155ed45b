package io.borderflow.ingest.messaging;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.ingest.service.IngestMetrics;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Produces checkpoints to checkpoints.v1, keyed by shipmentId so one shipment's events stay in one partition,
 * in order. The returned Uni completes when the broker acknowledged ({@code acks=all}); a request waits for its
 * sends together, with {@link BrokerAcknowledgements}.
 */
@ApplicationScoped
public class CheckpointPublisher {

    @Inject
    @Channel("checkpoints-out")
    // a full batch is in flight at once; beyond the buffer a send fails fast instead of waiting
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    MutinyEmitter<CheckpointRecorded> emitter;

    @Inject
    IngestMetrics metrics;

    public Uni<Void> publish(CheckpointRecorded event) {
        Message<CheckpointRecorded> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.shipmentId()).build());
        return Uni.createFrom().deferred(() -> {
            Timer.Sample sample = metrics.startAck();
            return emitter.sendMessage(message).invoke(() -> metrics.stopAck(sample));
        });
    }
}
