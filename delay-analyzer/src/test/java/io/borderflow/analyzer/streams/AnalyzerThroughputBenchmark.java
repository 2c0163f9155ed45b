package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.KafkaClients;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.testsupport.EmbeddedKafkaBroker;
import io.borderflow.testsupport.TopicSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Not a test: how fast the topology works off a backlog of checkpoints on a real (embedded, single-node)
 * broker with exactly-once v2, next to how fast the broker takes the same records from a producer. Run with
 * {@code java -cp <test classpath> io.borderflow.analyzer.streams.AnalyzerThroughputBenchmark [journeys]}.
 */
public final class AnalyzerThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            broker.createTopics(TopicSpec.borderflow());
            List<CheckpointRecorded> events = traffic(journeys, Instant.now());

            long produceStart = System.nanoTime();
            KafkaClients.send(broker.bootstrapServers(), events);
            double produceSeconds = (System.nanoTime() - produceStart) / 1e9;

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "delay-analyzer-benchmark");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("analyzer-benchmark").toString());
            props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "2");
            props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
            try (KafkaStreams streams = new KafkaStreams(TopologyProducer.build(AnalyzerSettings.defaults(),
                    Clock.systemUTC(), new AnalyzerMetrics(registry), AnalyzerTracing.off()), props)) {
                streams.start();
                while (streams.state() != KafkaStreams.State.RUNNING) {
                    Thread.sleep(20);
                }
                long processStart = System.nanoTime();
                while (registry.counter("borderflow.analyzer.checkpoints.processed").count() < events.size()) {
                    Thread.sleep(20);
                }
                double processSeconds = (System.nanoTime() - processStart) / 1e9;
                System.out.printf("broker took %d checkpoints from one producer in %.1f s: %.0f/s%n",
                        events.size(), produceSeconds, events.size() / produceSeconds);
                System.out.printf("analyzer processed them in %.1f s: %.0f checkpoints/s (%d journeys, 88 series)%n",
                        processSeconds, events.size() / processSeconds, journeys);
            }
        }
    }

    /** Journeys spread over every series of the catalog, each R1, R2, R3 within the last 90 minutes. */
    static List<CheckpointRecorded> traffic(int journeys, Instant now) {
        List<Checkpoints> series = new ArrayList<>();
        for (Crossing crossing : CrossingCatalog.load().all()) {
            for (Direction direction : Direction.values()) {
                for (LaneType lane : LaneType.values()) {
                    series.add(Checkpoints.at(crossing.id(), direction, lane));
                }
            }
        }
        Random random = new Random(1);
        List<CheckpointRecorded> events = new ArrayList<>(journeys * 3);
        for (int i = 0; i < journeys; i++) {
            Checkpoints at = series.get(random.nextInt(series.size()));
            Instant queued = now.minusSeconds(3600 + random.nextInt(1800));
            events.add(at.queued("B" + i, queued));
            events.add(at.primary("B" + i, queued.plusSeconds(300 + random.nextInt(2400))));
            events.add(at.exited("B" + i, queued.plusSeconds(3000 + random.nextInt(600))));
        }
        return events;
    }
}
