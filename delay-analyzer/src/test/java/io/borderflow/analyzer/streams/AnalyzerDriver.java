package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.MutableClock;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.EventJson;
import io.borderflow.events.serde.JsonSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The analyzer topology under {@link TopologyTestDriver} with a clock the test moves: {@link #advance}
 * moves the analyzer's clock and the driver's wall clock together, which fires the punctuations.
 */
final class AnalyzerDriver implements AutoCloseable {

    final MutableClock clock;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> checkpoints;
    private final TestInputTopic<String, byte[]> borderWaits;
    private final TestOutputTopic<String, CrossingDelayUpdated> crossingDelays;
    private final TestOutputTopic<String, ShipmentDelayUpdated> shipmentDelays;
    private final TestOutputTopic<String, byte[]> deadLetters;
    private final JsonSerde<CheckpointRecorded> checkpointSerde = new JsonSerde<>(CheckpointRecorded.class, EventJson.mapper());
    private final List<CrossingDelayUpdated> published = new ArrayList<>();
    private final List<ShipmentDelayUpdated> delays = new ArrayList<>();

    AnalyzerDriver(Instant start) {
        this(start, AnalyzerSettings.defaults());
    }

    AnalyzerDriver(Instant start, AnalyzerSettings settings) {
        clock = new MutableClock(start);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "delay-analyzer-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tempDir().toString());
        driver = new TopologyTestDriver(TopologyProducer.build(settings, clock, new AnalyzerMetrics(registry), AnalyzerTracing.off()), props, start);
        checkpoints = driver.createInputTopic(Topics.CHECKPOINTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        borderWaits = driver.createInputTopic(Topics.BORDER_WAITS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
        // the ObjectMapper is passed explicitly: no CDI here
        crossingDelays = driver.createOutputTopic(Topics.CROSSING_DELAYS, Serdes.String().deserializer(),
                new JsonSerde<>(CrossingDelayUpdated.class, EventJson.mapper()));
        shipmentDelays = driver.createOutputTopic(Topics.SHIPMENT_DELAYS, Serdes.String().deserializer(),
                new JsonSerde<>(ShipmentDelayUpdated.class, EventJson.mapper()));
        deadLetters = driver.createOutputTopic(Topics.deadLetter(Topics.CHECKPOINTS), Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    AnalyzerDriver send(CheckpointRecorded... events) {
        for (CheckpointRecorded event : events) {
            checkpoints.pipeInput(event.shipmentId(), checkpointSerde.serialize(Topics.CHECKPOINTS, event), clock.instant());
        }
        return this;
    }

    /** CBP's reading on border-waits.v1, keyed by series, as shipment-ingest publishes it. */
    AnalyzerDriver report(BorderWaitReported reading) {
        borderWaits.pipeInput(reading.series().toString(),
                new JsonSerde<>(BorderWaitReported.class, EventJson.mapper()).serialize(Topics.BORDER_WAITS, reading),
                clock.instant());
        return this;
    }

    AnalyzerDriver sendRaw(String key, byte[] value) {
        checkpoints.pipeInput(key, value, clock.instant());
        return this;
    }

    /** Moves time: the analyzer's clock and the driver's wall clock, so punctuations fire. */
    AnalyzerDriver advance(Duration duration) {
        clock.advance(duration);
        driver.advanceWallClockTime(duration);
        return this;
    }

    AnalyzerDriver advanceTo(Instant instant) {
        return advance(Duration.between(clock.instant(), instant));
    }

    /** Every CrossingDelayUpdated published so far, in order. */
    List<CrossingDelayUpdated> published() {
        published.addAll(crossingDelays.readValuesToList());
        return published;
    }

    CrossingDelayUpdated latest(SeriesKey series) {
        return published().stream().filter(update -> update.series().equals(series))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("nothing published for " + series));
    }

    List<ShipmentDelayUpdated> shipmentDelays() {
        delays.addAll(shipmentDelays.readValuesToList());
        return delays;
    }

    List<TestRecord<String, byte[]>> deadLetters() {
        return deadLetters.readRecordsToList();
    }

    double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("analyzer-topology-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The latest value written to a store's changelog per key, as bytes; deleted keys are left out. */
    Map<String, byte[]> changelog(String store) {
        Map<String, byte[]> latest = new TreeMap<>();
        driver.createOutputTopic("delay-analyzer-test-" + store + "-changelog", Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer()).readKeyValuesToList().forEach(entry -> latest.put(entry.key, entry.value));
        latest.values().removeIf(Objects::isNull);
        return latest;
    }

    @Override
    public void close() {
        driver.close();
    }
}
