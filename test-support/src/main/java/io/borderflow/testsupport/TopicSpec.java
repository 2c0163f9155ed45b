package io.borderflow.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * A topic to create before the application starts, written {@code name[:partitions[:compact]]},
 * e.g. {@code checkpoints.v1:12} or {@code crossing-delays.v1:3:compact}.
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    public static List<TopicSpec> parseAll(String specs) {
        List<TopicSpec> topics = new ArrayList<>();
        if (specs == null) {
            return topics;
        }
        for (String spec : specs.split(",")) {
            if (!spec.isBlank()) {
                topics.add(parse(spec.trim()));
            }
        }
        return topics;
    }

    public static TopicSpec parse(String spec) {
        String[] parts = spec.split(":");
        int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
        boolean compacted = parts.length > 2 && parts[2].equals("compact");
        return new TopicSpec(parts[0], partitions, compacted);
    }

    NewTopic toNewTopic() {
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        return compacted ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)) : topic;
    }
}
