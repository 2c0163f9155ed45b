package io.borderflow.testsupport;

import io.borderflow.events.TopicDefinition;
import io.borderflow.events.TopicDefinition.Cleanup;
import io.borderflow.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A topic to create before the application starts. BorderFlow's own topics come from shipment-events'
 * {@link Topics#ALL} ({@link #borderflow()}); a test-only topic is written {@code name[:partitions[:compact]]},
 * e.g. {@code round-trip:3} or {@code latest-only:3:compact}.
 */
public record TopicSpec(String name, int partitions, boolean compacted) {

    private static final Set<String> BORDERFLOW_NAMES = Topics.ALL.stream().map(TopicDefinition::name)
            .collect(Collectors.toUnmodifiableSet());

    /** Every BorderFlow topic, dead-letter topics included, laid out as the local stack creates them. */
    public static List<TopicSpec> borderflow() {
        return Topics.ALL.stream().map(topic -> new TopicSpec(topic.name(), topic.partitions(), topic.compacted()))
                .toList();
    }

    /**
     * Every BorderFlow topic, then the test-only topics in {@code testOnlySpecs} (may be null). A BorderFlow
     * topic cannot be respecified: tests run on the layout the deployments create.
     */
    public static List<TopicSpec> borderflowAnd(String testOnlySpecs) {
        List<TopicSpec> topics = new ArrayList<>(borderflow());
        for (TopicSpec extra : parseAll(testOnlySpecs)) {
            if (BORDERFLOW_NAMES.contains(extra.name())) {
                throw new IllegalArgumentException(extra.name() + " is a BorderFlow topic: it is created as "
                        + "shipment-events' Topics.ALL defines it; name only test-only topics in 'topics'");
            }
            topics.add(extra);
        }
        return topics;
    }

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
        return new TopicDefinition(name, partitions, compacted ? Cleanup.COMPACT : Cleanup.DELETE).newTopic((short) 1);
    }
}
