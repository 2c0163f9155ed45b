package io.borderflow.analyzer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/** A fresh Kafka Streams state directory and static member id per test class. */
public class StreamsStateResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("delay-analyzer-state");
            return Map.of(
                    "kafka-streams.state.dir", dir.toString(),
                    "kafka-streams.main.consumer.group.instance.id", "delay-analyzer-test-" + UUID.randomUUID());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
