package io.borderflow.analyzer.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.domain.Checkpoint;
import io.borderflow.analyzer.domain.Journey;
import io.borderflow.analyzer.domain.JourneySummary;
import io.borderflow.analyzer.domain.SeriesReading;
import io.borderflow.analyzer.domain.SeriesState;
import io.borderflow.analyzer.streams.SeriesChange;
import io.borderflow.analyzer.streams.StateFixtureCapture;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.SeriesKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The state encoding against records captured from each version ({@code state-v1}: the first release's
 * unversioned JSON, captured before versioning; {@code state-v2}: the first binary layout; {@code state-v3}: the
 * series state with CBP's reading; {@code state-v4}: journeys with the compact series and relative instants, summaries without a shipmentId) all written by
 * {@code StateFixtureCapture} from the same scenario: every version reads back as the domain values the
 * scenario left, stated here by hand.
 */
class StateEncodingTest {

    static final SeriesKey SERIES = new SeriesKey(Checkpoints.CROSSING, Direction.NORTHBOUND, LaneType.STANDARD);
    static final Checkpoints AT = Checkpoints.laredoNorthboundStandard();

    static final Map<String, Journey> JOURNEYS = Map.of(
            "SHP-EXITED", journey("SHP-EXITED", false, checkpoint("SHP-EXITED", CheckpointType.QUEUE_ENTERED, "13:20:00"),
                    checkpoint("SHP-EXITED", CheckpointType.PRIMARY_INSPECTION, "13:35:00"),
                    checkpoint("SHP-EXITED", CheckpointType.PORT_EXITED, "13:55:00")),
            "SHP-QUEUED", journey("SHP-QUEUED", false,
                    checkpoint("SHP-QUEUED", CheckpointType.QUEUE_ENTERED, "13:50:00.123456789"),
                    checkpoint("SHP-QUEUED", CheckpointType.PRIMARY_INSPECTION, "13:59:31")),
            "SHP-STALLED", journey("SHP-STALLED", true, checkpoint("SHP-STALLED", CheckpointType.QUEUE_ENTERED, "11:00:00"),
                    checkpoint("SHP-STALLED", CheckpointType.EXPORT_CLEARED, "11:01:00")),
            "SHP-SECONDARY", journey("SHP-SECONDARY", false,
                    checkpoint("SHP-SECONDARY", CheckpointType.QUEUE_ENTERED, "13:30:00"),
                    checkpoint("SHP-SECONDARY", CheckpointType.SECONDARY_REFERRED, "13:58:00")),
            "SHP-WAITING", journey("SHP-WAITING", false, checkpoint("SHP-WAITING", CheckpointType.QUEUE_ENTERED, "13:59:00")));

    static final Map<String, JourneySummary> SUMMARIES = Map.of(
            "SHP-EXITED", new JourneySummary(at("13:20:00"), at("13:35:00"), at("13:55:00"), at("13:55:00"),
                    at("13:35:00")),
            "SHP-QUEUED", new JourneySummary(at("13:50:00.123456789"), at("13:59:31"), null, at("13:59:31"),
                    at("13:59:31")),
            "SHP-SECONDARY", new JourneySummary(at("13:30:00"), null, null, at("13:58:00"), at("13:58:00")),
            "SHP-WAITING", new JourneySummary(at("13:59:00"), null, null, at("13:59:00"), null));

    static final SeriesReading PUBLISHED = new SeriesReading(60, new SampleStatistics(1, 15.0, 15.0, 15.0, 15.0),
            new SampleStatistics(1, 35.0, 35.0, 35.0, 35.0), 2, 10.0146, 15.0, 10.0, 25.0, 0.0, 0.0, false, at("13:59:00"), null);

    /** Versions 1 and 2: the scenario had no CBP reading, and the series state no place for one. */
    static final Map<String, SeriesState> SERIES_STATES = Map.of(
            "laredo-world-trade-bridge_NORTHBOUND_STANDARD",
            new SeriesState(SERIES, at("13:59:31"), PUBLISHED, Instant.parse("2026-11-27T14:00:01Z"), at("13:59:31"), null));

    /** Version 3: CBP's reading kept with the series, its wait published beside the statistics. */
    static final Map<String, SeriesState> SERIES_STATES_V3 = Map.of(
            "laredo-world-trade-bridge_NORTHBOUND_STANDARD",
            new SeriesState(SERIES, at("13:59:31"), PUBLISHED.withReportedWait(45), Instant.parse("2026-11-27T14:00:01Z"),
                    at("13:59:31"), StateFixtureCapture.READING));

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everyVersionReadsAsTheValuesItWasWrittenFrom(int version) {
        assertThat(read(version, "journeys", JourneyEncoding.SERDE)).isEqualTo(JOURNEYS);
        assertThat(read(version, "series-journeys", JourneySummaryEncoding.SERDE)).isEqualTo(SUMMARIES);
        assertThat(read(version, "series", SeriesStateEncoding.SERDE)).isEqualTo(version < 3 ? SERIES_STATES : SERIES_STATES_V3);
        if (version == 4) {
            assertThat(fixtures(4, "journeys").values()).allSatisfy(bytes -> assertThat(bytes[0]).isEqualTo((byte) 3));
            assertThat(fixtures(4, "series-journeys").values()).allSatisfy(bytes -> assertThat(bytes[0]).isEqualTo((byte) 3));
        }
    }

    @Test
    void theFirstReleasesRecordsHaveNoVersionByteAndTheCurrentOnesDo() {
        assertThat(fixtures(1, "journeys").values()).allSatisfy(bytes -> assertThat((char) bytes[0]).isEqualTo('{'));
        assertThat(fixtures(2, "journeys").values()).allSatisfy(bytes -> assertThat(bytes[0]).isEqualTo((byte) 2));
    }

    /** A layout change without a new version would make the records already stored unreadable. */
    @Test
    void theCurrentVersionsWriteExactlyTheLatestCapturedRecords() {
        assertThat(JourneyEncoding.SERDE.currentVersion()).isEqualTo(3);
        assertThat(JourneySummaryEncoding.SERDE.currentVersion()).isEqualTo(3);
        assertThat(SeriesStateEncoding.SERDE.currentVersion()).isEqualTo(3);
        assertThat(written(JOURNEYS, JourneyEncoding.SERDE)).isEqualTo(hex(fixtures(4, "journeys")));
        assertThat(written(SUMMARIES, JourneySummaryEncoding.SERDE)).isEqualTo(hex(fixtures(4, "series-journeys")));
        assertThat(written(SERIES_STATES_V3, SeriesStateEncoding.SERDE)).isEqualTo(hex(fixtures(3, "series")))
                .isEqualTo(hex(fixtures(4, "series")));
    }

    @Test
    void currentVersionRecordsRoundTrip() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999999Z");
        Journey unusual = new Journey("SHP-ñandú-" + "x".repeat(200), "carrier/ü", new SeriesKey("otay-mesa",
                Direction.SOUTHBOUND, LaneType.FAST), List.of(new Checkpoint(new java.util.UUID(-1, 0),
                CheckpointType.SECONDARY_RELEASED, beforeEpoch), new Checkpoint(new java.util.UUID(0, -1),
                CheckpointType.PORT_EXITED, Instant.MAX)), true);
        SeriesReading noData = new SeriesReading(60, SampleStatistics.EMPTY, SampleStatistics.EMPTY, 0, null, null, 7.6,
                null, null, null, true, null, null);
        Stream.concat(JOURNEYS.values().stream(), Stream.of(unusual))
                .forEach(journey -> assertThat(roundTrip(JourneyEncoding.SERDE, journey)).isEqualTo(journey));
        SUMMARIES.values().forEach(summary -> assertThat(roundTrip(JourneySummaryEncoding.SERDE, summary)).isEqualTo(summary));
        Stream.of(SERIES_STATES.values().iterator().next(), SeriesState.empty(SERIES),
                new SeriesState(SERIES, null, noData, beforeEpoch, null, null))
                .forEach(state -> assertThat(roundTrip(SeriesStateEncoding.SERDE, state)).isEqualTo(state));
        Stream.of(SERIES_STATES_V3.values().iterator().next())
                .forEach(state -> assertThat(roundTrip(SeriesStateEncoding.SERDE, state)).isEqualTo(state));
        Stream.of(new SeriesChange(SERIES, "SHP-EXITED", SUMMARIES.get("SHP-EXITED"), at("13:55:00")),
                new SeriesChange(SERIES, "SHP-GONE", null, null), SeriesChange.reported(StateFixtureCapture.READING))
                .forEach(change -> assertThat(roundTrip(SeriesChangeEncoding.SERDE, change)).isEqualTo(change));
    }

    /** The repartition topic's records of the first release (Jackson's JSON of {@code SeriesChange}). */
    @Test
    void aFirstReleaseSeriesChangeIsRead() {
        String update = "{\"series\":{\"crossingId\":\"laredo-world-trade-bridge\",\"direction\":\"NORTHBOUND\","
                + "\"laneType\":\"STANDARD\"},\"shipmentId\":\"SHP-WAITING\",\"summary\":" + text(fixtures(1,
                "series-journeys").get("SHP-WAITING")) + ",\"checkpointAt\":\"2026-11-27T13:59:00Z\"}";
        String removal = "{\"series\":{\"crossingId\":\"laredo-world-trade-bridge\",\"direction\":\"NORTHBOUND\","
                + "\"laneType\":\"STANDARD\"},\"shipmentId\":\"SHP-GONE\",\"summary\":null,\"checkpointAt\":null}";

        assertThat(SeriesChangeEncoding.SERDE.deserialize(update.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SeriesChange(SERIES, "SHP-WAITING", SUMMARIES.get("SHP-WAITING"), at("13:59:00")));
        assertThat(SeriesChangeEncoding.SERDE.deserialize(removal.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new SeriesChange(SERIES, "SHP-GONE", null, null));
    }

    /**
     * Versions 2 and 3 of the repartition topic's records wrote the summary in its version 2 layout (shipmentId
     * first); version 2 had no reading flag: series, shipmentId, summary?, checkpointAt?.
     */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void anEarlierSeriesChangeIsRead(int version) {
        JourneySummary summary = SUMMARIES.get("SHP-EXITED");
        StateOutput out = new StateOutput().writeByte(version);
        SeriesKeyLayout.write(out, SERIES);
        if (version == 3) {
            out.writeBoolean(false);
        }
        out.writeText("SHP-EXITED").writeBoolean(true);
        out.writeText("SHP-EXITED").writeNullableInstant(summary.queueEnteredAt())
                .writeNullableInstant(summary.primaryInspectionAt()).writeNullableInstant(summary.portExitedAt())
                .writeInstant(summary.lastCheckpointAt()).writeNullableInstant(summary.leftQueueAt());
        out.writeNullableInstant(at("13:55:00"));

        assertThat(SeriesChangeEncoding.SERDE.deserialize(out.toByteArray()))
                .isEqualTo(new SeriesChange(SERIES, "SHP-EXITED", summary, at("13:55:00")));
    }

    /** A crossing outside the catalog has no CBP port number to stand for it: its id is written instead. */
    @Test
    void aJourneyAtACrossingOutsideTheCatalogKeepsItsId() {
        Journey elsewhere = new Journey("SHP-X", "acme", new SeriesKey("not-a-catalog-crossing", Direction.NORTHBOUND,
                LaneType.FAST), List.of(new Checkpoint(new java.util.UUID(1, 2), CheckpointType.QUEUE_ENTERED,
                at("13:00:00"))), false);

        assertThat(roundTrip(JourneyEncoding.SERDE, elsewhere)).isEqualTo(elsewhere);
        assertThat(new String(JourneyEncoding.SERDE.serialize(elsewhere), StandardCharsets.UTF_8))
                .contains("not-a-catalog-crossing");
        assertThat(new String(JourneyEncoding.SERDE.serialize(JOURNEYS.get("SHP-EXITED")), StandardCharsets.UTF_8))
                .doesNotContain(Checkpoints.CROSSING);
    }

    @Test
    void aCompletedJourneyKeepsFewerThan300BytesOfStateWithItsKeys() {
        String shipmentId = "SHP-EXITED";
        int bytes = shipmentId.length() + JourneyEncoding.SERDE.serialize(JOURNEYS.get(shipmentId)).length
                + (SERIES + "|" + shipmentId).length() + JourneySummaryEncoding.SERDE.serialize(SUMMARIES.get(shipmentId)).length;

        assertThat(bytes).isEqualTo(172).isLessThanOrEqualTo(300);
    }

    @Test
    void aVersionWrittenByANewerAnalyzerIsRejectedNamingIt() {
        byte[] newer = JourneyEncoding.SERDE.serialize(JOURNEYS.get("SHP-EXITED"));
        newer[0] = 4;

        assertThatThrownBy(() -> JourneyEncoding.SERDE.deserialize(newer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("journey state version 4 is unknown");
    }

    @Test
    void aRecordLongerOrShorterThanItsLayoutIsRejected() {
        byte[] record = JourneySummaryEncoding.SERDE.serialize(SUMMARIES.get("SHP-EXITED"));
        byte[] longer = Arrays.copyOf(record, record.length + 1);
        byte[] shorter = Arrays.copyOf(record, record.length - 1);

        assertThatThrownBy(() -> JourneySummaryEncoding.SERDE.deserialize(longer)).hasMessageContaining("1 unread bytes");
        assertThatThrownBy(() -> JourneySummaryEncoding.SERDE.deserialize(shorter)).hasMessageContaining("ends early");
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(JourneyEncoding.SERDE.serialize(null)).isNull();
        assertThat(JourneyEncoding.SERDE.deserialize(null)).isNull();
    }

    @Test
    void everyEnumValueHasACode() {
        assertThat(SeriesKeyLayout.CHECKPOINT_TYPES.coversAll()).isTrue();
        assertThat(SeriesKeyLayout.DIRECTIONS.coversAll()).isTrue();
        assertThat(SeriesKeyLayout.LANE_TYPES.coversAll()).isTrue();
        assertThat(ReportedReadingLayout.STATUSES.coversAll()).isTrue();
    }

    private static <T> Map<String, T> read(int version, String store, VersionedSerde<T> serde) {
        Map<String, T> values = new TreeMap<>();
        fixtures(version, store).forEach((name, bytes) -> values.put(name, serde.deserialize(bytes)));
        return values;
    }

    private static <T> Map<String, String> written(Map<String, T> values, VersionedSerde<T> serde) {
        Map<String, byte[]> bytes = new TreeMap<>();
        values.forEach((name, value) -> bytes.put(name, serde.serialize(value)));
        return hex(bytes);
    }

    private static Map<String, String> hex(Map<String, byte[]> records) {
        Map<String, String> hex = new TreeMap<>();
        records.forEach((name, bytes) -> hex.put(name, java.util.HexFormat.of().formatHex(bytes)));
        return hex;
    }

    private static <T> T roundTrip(VersionedSerde<T> serde, T value) {
        return serde.deserialize(serde.serialize(value));
    }

    /** The captured records of one store, by shipmentId or series. */
    private static Map<String, byte[]> fixtures(int version, String store) {
        try (Stream<Path> files = Files.list(resource("state-v" + version + "/" + store))) {
            Map<String, byte[]> records = new TreeMap<>();
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                records.put(name.substring(0, name.lastIndexOf('.')), Files.readAllBytes(file));
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(StateEncodingTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Journey journey(String shipmentId, boolean stallReported, Checkpoint... checkpoints) {
        return new Journey(shipmentId, "acme", SERIES, List.of(checkpoints), stallReported);
    }

    private static Checkpoint checkpoint(String shipmentId, CheckpointType type, String time) {
        return new Checkpoint(AT.event(shipmentId, type, at(time)).eventId(), type, at(time));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-11-27T" + time + "Z");
    }
}
