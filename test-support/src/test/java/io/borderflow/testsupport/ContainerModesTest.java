package io.borderflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The Testcontainers modes; they need a Docker engine and are selected out cleanly without one. */
@EnabledIf("io.borderflow.testsupport.DockerEngine#answers")
class ContainerModesTest {

    @Test
    void aRecordProducedToTheContainerBrokerIsConsumedBack() {
        try (KafkaBroker broker = KafkaResource.startBroker(Mode.TESTCONTAINERS);
                KafkaCompanion companion = new KafkaCompanion(broker.bootstrapServers())) {
            broker.createTopics(List.of(TopicSpec.parse("round-trip")));
            companion.produceStrings().fromRecords(new ProducerRecord<>("round-trip", "k", "v"))
                    .awaitCompletion(Duration.ofSeconds(30));

            assertThat(companion.consumeStrings().fromTopics("round-trip", 1).awaitCompletion(Duration.ofSeconds(30))
                    .getFirstRecord().value()).isEqualTo("v");
        }
    }

    @Test
    void selectOneThroughTheContainerPostgres() throws Exception {
        PostgresDatabase database = PostgresServers.start(Mode.TESTCONTAINERS).createDatabase();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select 1")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }
}
