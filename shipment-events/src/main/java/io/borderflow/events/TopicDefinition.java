package io.borderflow.events;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * One topic as every deployment creates it: name, partitions and cleanup policy. {@link Topics#ALL} lists them;
 * the local stack, the test broker and generated Kubernetes topic resources all read that list.
 */
public record TopicDefinition(String name, int partitions, Cleanup cleanup) {

    /** Kafka's {@code cleanup.policy}. */
    public enum Cleanup {
        DELETE(TopicConfig.CLEANUP_POLICY_DELETE),
        /** Keeps the latest record per key: topics that hold current state. */
        COMPACT(TopicConfig.CLEANUP_POLICY_COMPACT);

        private final String policy;

        Cleanup(String policy) {
            this.policy = policy;
        }

        /** The value of {@code cleanup.policy}: {@code delete} or {@code compact}. */
        public String policy() {
            return policy;
        }
    }

    public TopicDefinition {
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": a topic needs at least one partition");
        }
    }

    public boolean compacted() {
        return cleanup == Cleanup.COMPACT;
    }

    /** The topic configuration to create it with, as Kafka's Admin API and a Strimzi {@code KafkaTopic} take it. */
    public Map<String, String> configs() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanup.policy());
    }

    /** What Kafka's Admin API creates it from, with the broker count of the deployment as replication factor. */
    public NewTopic newTopic(short replicationFactor) {
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }

    /**
     * Its dead-letter topic: the original bytes with headers that say why. Never compacted (every bad record
     * is kept, keys may be missing), and one partition is plenty for what should be rare.
     */
    public TopicDefinition deadLetter() {
        return new TopicDefinition(Topics.deadLetter(name), 1, Cleanup.DELETE);
    }
}
