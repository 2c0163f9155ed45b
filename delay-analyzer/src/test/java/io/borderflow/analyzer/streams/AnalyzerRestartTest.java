package io.borderflow.analyzer.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.KafkaClients;
import io.borderflow.analyzer.MutableClock;
import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.analyzer.domain.Publication;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.Topics;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.serde.JsonSerde;
import io.borderflow.testsupport.EmbeddedKafkaBroker;
import io.borderflow.testsupport.TopicSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topology as it runs in production (KafkaStreams, exactly-once v2, persistent changelogged stores)
 * on a real broker, stopped in the middle of a stream, restarted, and finally restarted with its local
 * state wiped (restored from the changelogs): the final statistics equal those of an uninterrupted run.
 */
class AnalyzerRestartTest {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");
    static final Instant FINAL = T0.plus(Duration.ofMinutes(10));
    static final SeriesKey STANDARD = new SeriesKey(Checkpoints.CROSSING, Direction.NORTHBOUND, LaneType.STANDARD);
    static final SeriesKey FAST = new SeriesKey(Checkpoints.CROSSING, Direction.NORTHBOUND, LaneType.FAST);
    static final AnalyzerSettings SETTINGS = new AnalyzerSettings(DelayRules.DEFAULTS, Publication.DEFAULTS,
            Duration.ofSeconds(1), Duration.ofHours(24), Duration.parse(ReportedWait.DEFAULT_STALE_AFTER),
            CrossingCatalog.load());

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start();
        broker.createTopics(TopicSpec.borderflow());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void statisticsAfterStopsAndRestartsEqualThoseOfAnUninterruptedRun() throws IOException {
        List<CheckpointRecorded> events = traffic();
        int distinct = new HashSet<>(events.stream().map(CheckpointRecorded::eventId).toList()).size();
        Map<SeriesKey, CrossingDelayUpdated> uninterrupted = uninterrupted(events);

        MutableClock clock = new MutableClock(T0);
        Path stateDir = Files.createTempDirectory("analyzer-restart-test");
        int third = events.size() / 3;

        KafkaStreams first = start(clock, stateDir);
        KafkaClients.send(broker.bootstrapServers(), events.subList(0, third));
        awaitShipmentDelays(distinctIn(events.subList(0, third)));
        KafkaClients.send(broker.bootstrapServers(), events.subList(third, 2 * third));
        first.close(Duration.ofSeconds(30)); // mid-stream: the second third is not (all) processed yet

        KafkaStreams second = start(clock, stateDir);
        KafkaClients.send(broker.bootstrapServers(), events.subList(2 * third, events.size()));
        awaitShipmentDelays(distinct);
        second.close(Duration.ofSeconds(30));

        deleteRecursively(stateDir); // a lost disk: the stores come back from their changelogs
        clock.set(FINAL);
        KafkaStreams restored = start(clock, stateDir);
        Map<SeriesKey, CrossingDelayUpdated> restarted = await().atMost(Duration.ofSeconds(90))
                .until(AnalyzerRestartTest::publishedAtFinal, published -> published.size() == 2);
        restored.close(Duration.ofSeconds(30));

        assertThat(restarted).isEqualTo(uninterrupted);
        assertThat(restarted.get(STANDARD).crossingTime().count()).isPositive();
        // exactly once: one shipment delay per distinct checkpoint, despite the repeats and the restarts
        assertThat(KafkaClients.readAll(broker.bootstrapServers(), Topics.SHIPMENT_DELAYS)).hasSize(distinct);
    }

    static Map<SeriesKey, CrossingDelayUpdated> uninterrupted(List<CheckpointRecorded> events) {
        try (AnalyzerDriver driver = new AnalyzerDriver(T0, SETTINGS)) {
            driver.send(events.toArray(CheckpointRecorded[]::new)).advanceTo(FINAL);
            return Map.of(STANDARD, driver.latest(STANDARD), FAST, driver.latest(FAST));
        }
    }

    static Map<SeriesKey, CrossingDelayUpdated> publishedAtFinal() {
        JsonSerde<CrossingDelayUpdated> serde = JsonSerde.of(CrossingDelayUpdated.class);
        Map<SeriesKey, CrossingDelayUpdated> atFinal = new java.util.HashMap<>();
        KafkaClients.readAll(broker.bootstrapServers(), Topics.CROSSING_DELAYS).stream()
                .map(record -> serde.deserialize(record.topic(), record.value()))
                .filter(update -> update.occurredAt().equals(FINAL))
                .forEach(update -> atFinal.put(update.series(), update));
        return atFinal;
    }

    /** 40 journeys over two lane types, 6 trucks still queued, 5 repeated reports, in shuffled arrival order. */
    static List<CheckpointRecorded> traffic() {
        Random random = new Random(42);
        List<CheckpointRecorded> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Checkpoints at = Checkpoints.at(Checkpoints.CROSSING, Direction.NORTHBOUND, i % 2 == 0 ? LaneType.STANDARD : LaneType.FAST);
            int crossing = 10 + random.nextInt(40);
            int wait = 3 + random.nextInt(crossing - 4);
            Instant exit = T0.minusSeconds(60L * random.nextInt(50) + random.nextInt(60));
            Instant queued = exit.minusSeconds(60L * crossing);
            events.add(at.queued("R" + i, queued));
            events.add(at.primary("R" + i, queued.plusSeconds(60L * wait)));
            events.add(at.exited("R" + i, exit));
        }
        for (int i = 0; i < 6; i++) {
            Checkpoints at = Checkpoints.at(Checkpoints.CROSSING, Direction.NORTHBOUND, i % 2 == 0 ? LaneType.STANDARD : LaneType.FAST);
            events.add(at.queued("W" + i, T0.minusSeconds(60L * (5 + random.nextInt(85)))));
        }
        for (int i = 0; i < 5; i++) {
            events.add(events.get(random.nextInt(events.size())));
        }
        Collections.shuffle(events, random);
        return events;
    }

    static int distinctIn(List<CheckpointRecorded> events) {
        return new HashSet<>(events.stream().map(CheckpointRecorded::eventId).toList()).size();
    }

    KafkaStreams start(MutableClock clock, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "delay-analyzer-restart-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.mainConsumerPrefix("group.instance.id"), "delay-analyzer-restart-test-0");
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        KafkaStreams streams = new KafkaStreams(
                TopologyProducer.build(SETTINGS, clock, new AnalyzerMetrics(new SimpleMeterRegistry()), AnalyzerTracing.off()), props);
        streams.start();
        await().atMost(Duration.ofSeconds(90)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    void awaitShipmentDelays(int count) {
        await().atMost(Duration.ofSeconds(90))
                .until(() -> KafkaClients.readAll(broker.bootstrapServers(), Topics.SHIPMENT_DELAYS).size() >= count);
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
