package io.borderflow.ingest.messaging;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.repository.OutboxEntity;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Produces one outbox row to shipments.v1: its stored bytes as the value, the shipmentId as the key. */
@ApplicationScoped
public class ShipmentEventPublisher {

    /** Header naming the event type, so a consumer can route without parsing the value. */
    public static final String EVENT_TYPE_HEADER = "event-type";

    @Inject
    @Channel("shipments-out")
    MutinyEmitter<byte[]> emitter;

    @Inject
    IngestConfig config;

    public Uni<Void> publish(OutboxEntity row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EVENT_TYPE_HEADER, row.eventType().getBytes(StandardCharsets.UTF_8));
        Message<byte[]> message = Message.of(row.payload().getBytes(StandardCharsets.UTF_8))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(row.shipmentId()).withHeaders(headers).build());
        return emitter.sendMessage(message).ifNoItem().after(config.brokerAckTimeout()).fail();
    }
}
