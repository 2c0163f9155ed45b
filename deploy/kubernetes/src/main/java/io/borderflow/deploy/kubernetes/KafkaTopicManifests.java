package io.borderflow.deploy.kubernetes;

import io.borderflow.events.TopicDefinition;
import io.borderflow.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes base/kafka/topics.yaml: one Strimzi {@code KafkaTopic} per entry of {@link Topics#ALL}, so the cluster
 * gets the same topics as the local stack and every test broker. No replica count: each topic takes the broker's
 * {@code default.replication.factor}, which the overlays set to what their node count allows.
 */
public final class KafkaTopicManifests {

    /** The Strimzi {@code Kafka} resource the topics belong to (base/kafka/kafka.yaml). */
    static final String CLUSTER = "borderflow";

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: KafkaTopicManifests <topics.yaml to write>");
        }
        Files.writeString(Path.of(args[0]), render(Topics.ALL));
    }

    static String render(List<TopicDefinition> topics) {
        return "# Generated from shipment-events' Topics.ALL by KafkaTopicManifests: do not edit. Regenerate with\n"
                + "#   ./mvnw -q -pl deploy/kubernetes -am -Pkafka-topics process-classes\n"
                + topics.stream().map(KafkaTopicManifests::topic).collect(Collectors.joining());
    }

    private static String topic(TopicDefinition topic) {
        String configs = new TreeMap<>(topic.configs()).entrySet().stream()
                .map(KafkaTopicManifests::config).collect(Collectors.joining());
        return """
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: %s
                  labels:
                    strimzi.io/cluster: %s
                spec:
                  partitions: %d
                  config:
                %s""".formatted(topic.name(), CLUSTER, topic.partitions(), configs);
    }

    private static String config(Map.Entry<String, String> entry) {
        return "    " + entry.getKey() + ": " + entry.getValue() + "\n";
    }

    private KafkaTopicManifests() {
    }
}
