package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerTest {

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaResource.startBroker(Mode.EMBEDDED);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void aRecordProducedToTheEmbeddedBrokerIsConsumedBack() {
        broker.createTopics(List.of(TopicSpec.parse("round-trip:3")));
        try (KafkaCompanion companion = new KafkaCompanion(broker.bootstrapServers())) {
            companion.produceStrings().fromRecords(new ProducerRecord<>("round-trip", "SHP-1", "QUEUE_ENTERED"))
                    .awaitCompletion(Duration.ofSeconds(10));

            var consumed = companion.consumeStrings().fromTopics("round-trip", 1).awaitCompletion(Duration.ofSeconds(10));

            assertThat(consumed.getFirstRecord().key()).isEqualTo("SHP-1");
            assertThat(consumed.getFirstRecord().value()).isEqualTo("QUEUE_ENTERED");
        }
    }

    @Test
    void topicsAreCreatedWithTheirPartitionsAndCleanupPolicy() throws Exception {
        broker.createTopics(TopicSpec.parseAll("twelve:12,latest-only:3:compact"));
        // creating what exists already is harmless: resources are started once per test class
        broker.createTopics(TopicSpec.parseAll("twelve:12"));

        try (Admin admin = broker.admin()) {
            TopicDescription twelve = admin.describeTopics(List.of("twelve")).allTopicNames().get().get("twelve");
            ConfigResource latestOnly = new ConfigResource(ConfigResource.Type.TOPIC, "latest-only");
            String policy = admin.describeConfigs(List.of(latestOnly)).all().get().get(latestOnly)
                    .get("cleanup.policy").value();

            assertThat(twelve.partitions()).hasSize(12);
            assertThat(policy).isEqualTo("compact");
        }
    }
}
