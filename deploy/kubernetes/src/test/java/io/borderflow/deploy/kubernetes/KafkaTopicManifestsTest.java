package io.borderflow.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaTopicManifestsTest {

    @Test
    void committedTopicFilesAreWhatTheGeneratorWritesFromTopicsAll() throws Exception {
        assertThat(Files.readString(Path.of("base/kafka/topics.yaml")))
                .as("base/kafka/topics.yaml is out of date: ./mvnw -q -pl deploy/kubernetes -am -Pkafka-topics process-classes")
                .isEqualTo(KafkaTopicManifests.render(Topics.ALL));
        assertThat(Files.readString(Path.of("../compose/kafka/topics.txt")))
                .as("deploy/compose/kafka/topics.txt is out of date: ./mvnw -q -pl deploy/kubernetes -am -Pkafka-topics process-classes")
                .isEqualTo(KafkaTopicManifests.renderLines(Topics.ALL));
    }
}
