package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class RestartableKafkaBrokerTest {

    @Test
    void aStoppedBrokerIsUnreachableAndComesBackOnTheSameAddressWithItsRecords() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start();
                KafkaCompanion companion = new KafkaCompanion(broker.bootstrapServers())) {
            String address = broker.bootstrapServers();
            broker.createTopics(List.of(TopicSpec.parse("survives:1")));
            companion.produceStrings().fromRecords(new ProducerRecord<>("survives", "SHP-1", "before"))
                    .awaitCompletion(Duration.ofSeconds(10));

            broker.stopBroker();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address))) {
                assertThatThrownBy(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(1000))
                        .clusterId().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
            }

            broker.startBroker();

            assertThat(broker.bootstrapServers()).isEqualTo(address);
            companion.produceStrings().fromRecords(new ProducerRecord<>("survives", "SHP-1", "after"))
                    .awaitCompletion(Duration.ofSeconds(30));
            var consumed = companion.consumeStrings().fromTopics("survives", 2).awaitCompletion(Duration.ofSeconds(30));
            assertThat(consumed.getRecords()).extracting(r -> r.value()).containsExactly("before", "after");
        }
    }
}
