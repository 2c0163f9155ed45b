package io.borderflow.ingest.benchmark;

import io.borderflow.events.LaneType;
import io.borderflow.events.PositionReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventJson;
import io.borderflow.testsupport.InjectKafka;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Positions per second through the whole derivation on the real test broker and PostgreSQL: positions.v1 →
 * PositionConsumer → progress in PostgreSQL + outbox → checkpoints.v1, beside the broker's own rate measured in the
 * same run with Kafka's ProducerPerformance. Not a test (its name keeps it out of {@code verify}); run:
 * <pre>
 * ./mvnw -pl shipment-ingest -am verify -Dtest=GeofencePipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.trucks=300 -Dbenchmark.kafka-tools-classpath=$(cat kafka-tools-classpath.txt)
 * </pre>
 * The classpath of {@code org.apache.kafka:kafka-tools:4.1.2} (e.g. from {@code mvn dependency:build-classpath} on a
 * pom that depends on it) runs ProducerPerformance in its own JVM, so its dependencies stay off this one's.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class GeofencePipelineBenchmark {

    @InjectKafka
    String bootstrap;

    @Inject
    MeterRegistry registry;

    @Test
    void measure() throws Exception {
        int trucks = Integer.getInteger("benchmark.trucks", 300);
        List<byte[]> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Instant now = Instant.now();
        for (GeofenceDerivationBenchmark.Sample sample : GeofenceDerivationBenchmark.pings(trucks, new Random(42))) {
            PositionReported position = new PositionReported(
                    PositionReported.eventIdOf(sample.shipmentId(), sample.ping().at()), sample.ping().at(),
                    PositionReported.SCHEMA_VERSION, sample.shipmentId(), "bench", sample.zones().crossingId(),
                    sample.zones().direction(), LaneType.STANDARD, sample.ping().location(), 20.0, 0.0,
                    sample.ping().accuracyMeters(), now);
            keys.add(sample.shipmentId());
            values.add(EventJson.mapper().writeValueAsBytes(position));
        }
        int recordSize = (int) values.stream().mapToInt(v -> v.length).average().orElseThrow();
        System.out.printf("benchmark: %,d positions of %,d trucks, %d bytes on average%n", values.size(), trucks,
                recordSize);

        String toolsClasspath = System.getProperty("benchmark.kafka-tools-classpath");
        if (toolsClasspath != null && !toolsClasspath.isBlank()) {
            producerPerformance(toolsClasspath, recordSize);
        } else {
            System.out.println("benchmark: no -Dbenchmark.kafka-tools-classpath: broker rate not measured");
        }

        double before = pingsDerived();
        double checkpointsBefore = checkpointsDerived();
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.POSITIONS, keys.get(i), values.get(i)));
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - started) / 1e9;
        while (pingsDerived() - before < values.size()) {
            Thread.sleep(200);
        }
        double derived = (System.nanoTime() - started) / 1e9;
        double checkpoints = checkpointsDerived() - checkpointsBefore;
        System.out.printf("benchmark: positions produced to positions.v1 in %.1f s (%,.0f/s); all through the"
                + " derivation after %.1f s: %,.0f positions/s end to end, %,.0f checkpoints derived%n",
                produced, values.size() / produced, derived, values.size() / derived, checkpoints);
    }

    private double pingsDerived() {
        return registry.find("borderflow.ingest.geofence.pings").counters().stream().mapToDouble(Counter::count).sum();
    }

    private double checkpointsDerived() {
        return registry.find("borderflow.ingest.geofence.checkpoints").counters().stream().mapToDouble(Counter::count)
                .sum();
    }

    private void producerPerformance(String classpath, int recordSize) throws Exception {
        String topic = "benchmark-producer-performance";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, Topics.CHECKPOINT_PARTITIONS, (short) 1))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance", "--topic", topic,
                "--num-records", "300000", "--record-size", String.valueOf(recordSize), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true",
                "linger.ms=5").redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            out.lines().filter(line -> line.contains("records sent")).reduce((first, last) -> last)
                    .ifPresent(line -> System.out.println("benchmark: ProducerPerformance: " + line));
        }
        process.waitFor(5, TimeUnit.MINUTES);
    }
}
