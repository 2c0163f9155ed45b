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
 * Writes the topics of {@link Topics#ALL} for the deployments that cannot read them from Java, so they get the same
 * topics as the local stack and every test broker: base/kafka/topics.yaml, one Strimzi {@code KafkaTopic} each (no
 * replica count: each topic takes the broker's {@code default.replication.factor}, which the overlays set to what
 * their node count allows), and deploy/compose/kafka/topics.txt, one line each for the compose stack's topic job.
 */
public final class KafkaTopicManifests {

    /** The Strimzi {@code Kafka} resource the topics belong to (base/kafka/kafka.yaml). */
    static final String CLUSTER = "borderflow";

    static final String HEADER = "# Generated from shipment-events' Topics.ALL by KafkaTopicManifests: do not edit. Regenerate with\n"
            + "#   ./mvnw -q -pl deploy/kubernetes -am -Pkafka-topics process-classes\n";

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KafkaTopicManifests <topics.yaml> <compose topics.txt>");
        }
        Files.writeString(Path.of(args[0]), render(Topics.ALL));
        Files.writeString(Path.of(args[1]), renderLines(Topics.ALL));
    }

    static String render(List<TopicDefinition> topics) {
        return HEADER + topics.stream().map(KafkaTopicManifests::topic).collect(Collectors.joining());
    }

    /** name, partitions, cleanup policy: what kafka-topics.sh --create takes. */
    static String renderLines(List<TopicDefinition> topics) {
        return HEADER + topics.stream().map(t -> t.name() + " " + t.partitions() + " " + t.cleanup().policy() + "\n")
                .collect(Collectors.joining());
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
