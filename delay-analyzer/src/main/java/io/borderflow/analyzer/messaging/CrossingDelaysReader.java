package io.borderflow.analyzer.messaging;

import io.borderflow.analyzer.repository.DelayBinRepository;
import io.borderflow.analyzer.repository.ReportedWaitRepository;
import io.borderflow.analyzer.service.CrossingDelayBoard;
import io.borderflow.analyzer.service.ReportedWaitBoard;
import io.borderflow.analyzer.service.ShipmentBoard;
import io.borderflow.events.BorderWaitReported;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.Supplier;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads the compacted {@code crossing-delays.v1} from the beginning into the {@link CrossingDelayBoard}
 * and the 5-minute history bins, and beside it the compacted {@code border-waits.v1} (CBP's reported waits,
 * published by shipment-ingest) into the {@link ReportedWaitBoard} and the reported-wait history, and the compacted
 * {@code shipments.v1} into the {@link ShipmentBoard} (the shipments advice is asked for). Every instance reads every partition itself (assigned, no consumer
 * group, nothing committed), so each holds all series; {@code read_committed} hides what an aborted
 * exactly-once transaction of the topology wrote.
 */
@ApplicationScoped
public class CrossingDelaysReader {

    private static final Logger LOG = Logger.getLogger(CrossingDelaysReader.class);
    private static final int WRITE_ATTEMPTS = 3;

    /** The order every instance writes readings in, like the bins: rows locked in one order never deadlock. */
    private static final Comparator<BorderWaitReported> IN_KEY_ORDER = Comparator
            .comparing(BorderWaitReported::crossingId).thenComparing(BorderWaitReported::direction)
            .thenComparing(BorderWaitReported::laneType).thenComparing(BorderWaitReported::occurredAt);

    private final CrossingDelayBoard board;
    private final DelayBinRepository bins;
    private final String bootstrapServers;
    private static final List<String> TOPICS = List.of(Topics.CROSSING_DELAYS, Topics.BORDER_WAITS, Topics.SHIPMENTS);

    private final ReportedWaitBoard reported;
    private final ReportedWaitRepository reportedHistory;
    private final JsonSerde<CrossingDelayUpdated> serde = JsonSerde.of(CrossingDelayUpdated.class);
    private final JsonSerde<BorderWaitReported> reportedSerde = JsonSerde.of(BorderWaitReported.class);
    private final JsonSerde<ShipmentEvent> shipmentSerde = JsonSerde.of(ShipmentEvent.class);
    private final ShipmentBoard shipments;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    CrossingDelaysReader(CrossingDelayBoard board, DelayBinRepository bins, ReportedWaitBoard reported,
            ReportedWaitRepository reportedHistory, ShipmentBoard shipments,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.board = board;
        this.bins = bins;
        this.reported = reported;
        this.reportedHistory = reportedHistory;
        this.shipments = shipments;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        thread = new Thread(this::run, "crossing-delays-reader");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** True once everything that was on the topic when the reader started has been read. */
    public boolean caughtUp() {
        return caughtUp.get();
    }

    private void run() {
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties())) {
                consumer = kafka;
                read(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "reading %s failed; starting over", TOPICS);
                pause(Duration.ofSeconds(2));
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = awaitPartitions(kafka);
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
        while (running.get()) {
            ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(500));
            // in key order: every instance writes the same bins, and rows locked in one order never deadlock
            Map<String, CrossingDelayUpdated> latestPerBin = new TreeMap<>();
            List<BorderWaitReported> readings = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.topic().equals(Topics.SHIPMENTS)) {
                    ShipmentEvent shipment = parse(record, shipmentSerde);
                    if (shipment != null) {
                        shipments.accept(shipment);
                    }
                    continue;
                }
                if (record.topic().equals(Topics.BORDER_WAITS)) {
                    BorderWaitReported reading = parse(record, reportedSerde);
                    if (reading != null) {
                        reported.accept(reading);
                        readings.add(reading);
                    }
                    continue;
                }
                CrossingDelayUpdated update = parse(record, serde);
                // a series only CBP reports is on the board through its reading (above), and has no measures to bin
                if (update != null && update.measured()) {
                    board.accept(update);
                    latestPerBin.put(binKey(update), update);
                }
            }
            if (!latestPerBin.isEmpty()) {
                write(() -> bins.record(List.copyOf(latestPerBin.values())), latestPerBin.size() + " history bins");
            }
            if (!readings.isEmpty()) {
                readings.sort(IN_KEY_ORDER);
                write(() -> reportedHistory.record(readings), readings.size() + " CBP readings");
            }
            if (!caughtUp.get() && endAtStart.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                caughtUp.set(true);
                LOG.infof("crossing delays and reported waits loaded from %s", TOPICS);
            }
        }
    }

    /** BorderFlow's own output: a record that cannot be read is a defect to log, not a reason to stop. */
    private static <T> T parse(ConsumerRecord<String, byte[]> record, JsonSerde<T> serde) {
        if (record.value() == null) {
            return null;
        }
        try {
            return serde.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            LOG.errorf("skipped unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return null;
        }
    }

    private void write(Supplier<Uni<Void>> write, String what) {
        for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
            try {
                VertxContextSupport.subscribeAndAwait(write);
                return;
            } catch (Throwable e) {
                if (attempt == WRITE_ATTEMPTS) {
                    // the live board is already updated; a gap in the trend beats stopping the board
                    LOG.errorf(e, "could not write %s; they are missing from the trend", what);
                } else {
                    pause(Duration.ofMillis(500L * attempt));
                }
            }
        }
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (true) {
            if (!running.get()) {
                throw new WakeupException();
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                var infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (TOPICS.stream().allMatch(topic -> partitions.stream().anyMatch(p -> p.topic().equals(topic)))) {
                return partitions;
            }
            LOG.warnf("waiting for topics %s", TOPICS);
            pause(Duration.ofSeconds(2));
        }
    }

    private static String binKey(CrossingDelayUpdated update) {
        SeriesKey series = update.series();
        return series + "|" + DelayBinRepository.binStart(update.occurredAt());
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "delay-analyzer-board");
        return props;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
