package io.borderflow.analyzer.streams;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.DeadLetterHeaders;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.serde.JsonSerde;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Parses {@code checkpoints.v1} inside the topology instead of in a deserializer. A record that is not a
 * valid checkpoint is forwarded to the dead-letter sink in the same exactly-once transaction as the
 * offset commit, so it is neither lost nor dead-lettered twice; a {@code DeserializationExceptionHandler}
 * could only send it with a separate, non-transactional producer.
 */
class CheckpointParser implements FixedKeyProcessor<String, byte[], ParsedCheckpoint> {

    private final JsonSerde<CheckpointRecorded> serde = JsonSerde.of(CheckpointRecorded.class);
    private final CrossingCatalog catalog;
    private final AnalyzerMetrics metrics;
    private FixedKeyProcessorContext<String, ParsedCheckpoint> context;

    CheckpointParser(CrossingCatalog catalog, AnalyzerMetrics metrics) {
        this.catalog = catalog;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, ParsedCheckpoint> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        CheckpointRecorded checkpoint;
        try {
            checkpoint = serde.deserialize(topic(), record.value());
        } catch (RuntimeException e) {
            reject(record, "invalid-checkpoint", e.getMessage());
            return;
        }
        if (checkpoint == null) {
            reject(record, "invalid-checkpoint", "the record has no value");
        } else if (!checkpoint.shipmentId().equals(record.key())) {
            // a shipment's events must share one partition, or their event-time order cannot be restored
            reject(record, "key-mismatch", "record key " + record.key() + " is not shipmentId " + checkpoint.shipmentId());
        } else if (!catalog.contains(checkpoint.crossingId())) {
            reject(record, "unknown-crossing", "crossing " + checkpoint.crossingId() + " is not in the catalog");
        } else {
            context.forward(record.withValue(new ParsedCheckpoint(checkpoint, null)));
        }
    }

    private void reject(FixedKeyRecord<String, byte[]> record, String reason, String cause) {
        metrics.deadLettered(reason);
        Headers headers = record.headers();
        DeadLetterHeaders.addReason(headers, reason, cause);
        context.recordMetadata().ifPresent(source ->
                DeadLetterHeaders.addOrigin(headers, source.topic(), source.partition(), source.offset()));
        context.forward(record.withValue(new ParsedCheckpoint(null, record.value())));
    }

    private String topic() {
        return context.recordMetadata().map(m -> m.topic()).orElse(null);
    }
}
