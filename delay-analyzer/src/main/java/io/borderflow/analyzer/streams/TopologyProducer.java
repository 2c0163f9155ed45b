package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.streams.state.JourneyEncoding;
import io.borderflow.analyzer.streams.state.JourneySummaryEncoding;
import io.borderflow.analyzer.streams.state.SeriesChangeEncoding;
import io.borderflow.analyzer.streams.state.SeriesStateEncoding;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;

/**
 * The whole analyzer topology in one place:
 *
 * <pre>
 * checkpoints.v1 (bytes) ─ parse ─┬─ rejected ─► checkpoints.v1.dlq (original bytes + reason headers)
 *                                 └─ journeys (by shipmentId, store "journeys", stall punctuation)
 *                                       ├─► shipment-delays.v1
 *                                       └─ repartition by series ─ series (stores "series", "series-journeys";
 *                                            ▲                       publish punctuation)
 * border-waits.v1 (CBP's readings) ──────────┘                       └─► crossing-delays.v1
 * </pre>
 *
 * The stores are persistent and changelog-backed, so state survives restarts and moves with its partitions.
 * Their values and the repartition topic's records are versioned ({@code streams.state}): an upgrade reads
 * the state its predecessor left.
 */
@ApplicationScoped
public class TopologyProducer {

    private static final Logger LOG = Logger.getLogger(TopologyProducer.class);
    private static final JsonSerde<BorderWaitReported> READING = JsonSerde.of(BorderWaitReported.class);

    @Produces
    public Topology topology(AnalyzerSettings settings, Clock clock, AnalyzerMetrics metrics, AnalyzerTracing tracing) {
        return build(settings, clock, metrics, tracing);
    }

    public static Topology build(AnalyzerSettings settings, Clock clock, AnalyzerMetrics metrics, AnalyzerTracing tracing) {
        StreamsBuilder builder = new StreamsBuilder();
        // cached: a key written several times between two commits reaches its changelog once (a series' state is
        // rewritten by every checkpoint of the series; the bench measured 1.2 kB of series changelog per journey)
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JourneyProcessor.STORE),
                Serdes.String(), JourneyEncoding.SERDE).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SeriesProcessor.STORE),
                Serdes.String(), SeriesStateEncoding.SERDE).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SeriesProcessor.JOURNEYS_STORE),
                Serdes.String(), JourneySummaryEncoding.SERDE).withCachingEnabled());

        KStream<String, ParsedCheckpoint> parsed = builder
                .stream(Topics.CHECKPOINTS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("checkpoints"))
                .processValues(() -> new CheckpointParser(settings.catalog(), metrics), Named.as("parse"));

        parsed.filter((shipmentId, record) -> record.rejected(), Named.as("rejected"))
                .mapValues(ParsedCheckpoint::original, Named.as("original-bytes"))
                .to(Topics.deadLetter(Topics.CHECKPOINTS), Produced.with(Serdes.String(), Serdes.ByteArray())
                        .withName("dead-letter"));

        KStream<String, JourneyChange> journeyChanges = parsed
                .filterNot((shipmentId, record) -> record.rejected(), Named.as("accepted"))
                .mapValues(ParsedCheckpoint::checkpoint, Named.as("checkpoint"))
                .process(() -> new JourneyProcessor(settings, clock, metrics, tracing), Named.as("journeys"),
                        JourneyProcessor.STORE);

        journeyChanges.mapValues(JourneyChange::delay, Named.as("shipment-delay"))
                .to(Topics.SHIPMENT_DELAYS, Produced.with(Serdes.String(), JsonSerde.of(ShipmentDelayUpdated.class))
                        .withName("shipment-delays"));

        // CBP's readings go to the instance that owns their series, beside its journeys
        KStream<String, SeriesChange> readings = builder
                .stream(Topics.BORDER_WAITS, Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("border-waits"))
                .flatMap((key, bytes) -> reading(bytes), Named.as("readings"));

        journeyChanges
                .flatMap((shipmentId, change) -> toSeries(change.seriesChanges()), Named.as("by-series"))
                .merge(readings, Named.as("with-readings"))
                .repartition(Repartitioned.with(Serdes.String(), SeriesChangeEncoding.SERDE)
                        .withName("journeys-by-series"))
                .process(() -> new SeriesProcessor(settings, clock, metrics, tracing), Named.as("series"), SeriesProcessor.STORE,
                        SeriesProcessor.JOURNEYS_STORE)
                .to(Topics.CROSSING_DELAYS, Produced.with(Serdes.String(), JsonSerde.of(CrossingDelayUpdated.class))
                        .withName("crossing-delays"));

        return builder.build();
    }

    /**
     * A reading of border-waits.v1 as a change of its series; none for a tombstone or a record that cannot be read
     * (ingest's own output: a defect to log, not a reason to stop the series).
     */
    private static List<KeyValue<String, SeriesChange>> reading(byte[] bytes) {
        if (bytes == null) {
            return List.of();
        }
        try {
            SeriesChange change = SeriesChange.reported(READING.deserialize(Topics.BORDER_WAITS, bytes));
            return List.of(KeyValue.pair(change.series().toString(), change));
        } catch (RuntimeException e) {
            LOG.errorf("skipped an unreadable record of %s: %s", Topics.BORDER_WAITS, e.getMessage());
            return List.of();
        }
    }

    private static List<KeyValue<String, SeriesChange>> toSeries(List<SeriesChange> changes) {
        return changes.stream().map(change -> KeyValue.pair(change.series().toString(), change)).toList();
    }
}
