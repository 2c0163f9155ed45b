package io.borderflow.ingest.messaging;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Writes CBP readings to the compacted border-waits.v1, keyed by series, and reads back what is there: the
 * latest reading per series is the memory that makes a restarted reader publish only what changed.
 */
@ApplicationScoped
public class BorderWaitPublisher {

    private static final Logger LOG = Logger.getLogger(BorderWaitPublisher.class);
    private static final JsonSerde<BorderWaitReported> SERDE = JsonSerde.of(BorderWaitReported.class);

    private final MutinyEmitter<BorderWaitReported> emitter;
    private final Map<String, Object> kafka;

    BorderWaitPublisher(@Channel("border-waits-out") MutinyEmitter<BorderWaitReported> emitter,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.emitter = emitter;
        this.kafka = kafka;
    }

    /** Completes when the broker acknowledged every reading ({@code acks=all}). */
    public Uni<Void> publish(List<BorderWaitReported> readings) {
        List<Uni<Void>> sends = readings.stream().map(reading -> emitter.sendMessage(Message.of(reading)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(reading.series().toString()).build()))).toList();
        return sends.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(sends).andFailFast().replaceWithVoid();
    }

    /**
     * The latest reading of every series on the topic, read from each partition's beginning to its end.
     * Blocking; a record that cannot be read is skipped (it would have reached no consumer either).
     */
    public List<BorderWaitReported> latest(Duration deadline) {
        Map<String, Object> config = new HashMap<>(kafka.entrySet().stream()
                .filter(e -> ConsumerConfig.configNames().contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Map<String, BorderWaitReported> latest = new HashMap<>();
        Instant until = Instant.now().plus(deadline);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BORDER_WAITS, deadline).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, deadline);
            List<TopicPartition> open = new ArrayList<>(partitions);
            while (!open.isEmpty() && Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        BorderWaitReported reading = SERDE.deserialize(record.topic(), record.value());
                        if (reading == null) {
                            latest.remove(record.key());
                        } else {
                            latest.put(reading.series().toString(), reading);
                        }
                    } catch (RuntimeException e) {
                        LOG.debugf("skipping an unreadable record at %s-%d@%d", record.topic(), record.partition(),
                                record.offset());
                    }
                }
                open.removeIf(p -> consumer.position(p) >= end.get(p));
            }
            if (!open.isEmpty()) {
                throw new IllegalStateException(Topics.BORDER_WAITS + " not read to its end within " + deadline);
            }
        }
        return List.copyOf(latest.values());
    }
}
