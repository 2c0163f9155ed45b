package io.borderflow.testsupport;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** A running Kafka broker, however it was started. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** How it runs, for logs: embedded, testcontainers or external. */
    String kind();

    @Override
    void close();

    default Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates the topics that do not exist yet and waits until they do. */
    default void createTopics(Collection<TopicSpec> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            for (TopicSpec topic : topics) {
                NewTopic newTopic = topic.toNewTopic();
                try {
                    admin.createTopics(List.of(newTopic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
                    }
                }
            }
            awaitKnown(admin, topics.stream().map(TopicSpec::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** Creation is acknowledged by the controller before every broker knows the topic: wait for that. */
    private static void awaitKnown(Admin admin, List<String> names) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics not ready: " + names, e.getCause());
                }
                Thread.sleep(50);
            }
        }
    }
}
