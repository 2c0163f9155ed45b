package io.borderflow.analyzer.streams;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.ReportedStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes what the stores' changelogs hold after {@link #run} ran, one file per record, as the
 * current state encoding writes it: the fixtures {@code StateEncodingTest} reads. A {@code main}, not a
 * test: run it when a version becomes current and commit its output as {@code state-v<N>}; the records of
 * every earlier version stay as they were captured (see the README, "State encoding").
 *
 * <pre>java -cp "$(test classpath)" io.borderflow.analyzer.streams.StateFixtureCapture src/test/resources/state-v1</pre>
 */
public final class StateFixtureCapture {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");
    static final Checkpoints AT = Checkpoints.laredoNorthboundStandard();
    static final List<String> STORES = List.of(JourneyProcessor.STORE, SeriesProcessor.STORE, SeriesProcessor.JOURNEYS_STORE);

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        try (AnalyzerDriver driver = new AnalyzerDriver(T0, AnalyzerTopologyTest.SETTINGS)) {
            run(driver);
            for (String store : STORES) {
                Files.createDirectories(out.resolve(store));
                for (Map.Entry<String, byte[]> entry : driver.changelog(store).entrySet()) {
                    Files.write(out.resolve(store).resolve(fileName(entry.getKey(), entry.getValue())), entry.getValue());
                }
            }
        }
    }

    /** CBP's reading of the series, reported before the journeys (since version 3 of the series state). */
    public static final BorderWaitReported READING = BorderWaitReported.of(T0.minusSeconds(600), AT.series(), "230401",
            ReportedStatus.DELAY, 45, 6, 10, true, T0.minusSeconds(900));

    /** Journeys in every shape the stores know: exited, queued, stalled, past the queue without R2; CBP's reading. */
    static void run(AnalyzerDriver driver) {
        driver.report(READING);
        driver.send(AT.queued("SHP-EXITED", T0.minusSeconds(40 * 60)), AT.primary("SHP-EXITED", T0.minusSeconds(25 * 60)),
                AT.exited("SHP-EXITED", T0.minusSeconds(5 * 60)));
        driver.send(AT.queued("SHP-QUEUED", T0.minusSeconds(10 * 60).plusNanos(123_456_789)));
        driver.send(AT.queued("SHP-STALLED", T0.minusSeconds(3 * 3600)),
                AT.event("SHP-STALLED", CheckpointType.EXPORT_CLEARED, T0.minusSeconds(3 * 3600 - 60)));
        driver.send(AT.queued("SHP-SECONDARY", T0.minusSeconds(30 * 60)),
                AT.event("SHP-SECONDARY", CheckpointType.SECONDARY_REFERRED, T0.minusSeconds(2 * 60)));
        driver.send(AT.queued("SHP-WAITING", T0.minusSeconds(60)));
        driver.advance(Duration.ofSeconds(1));
        // within the min-interval: the series keeps an unpublished checkpoint
        driver.send(AT.primary("SHP-QUEUED", driver.clock.instant().minusSeconds(30)));
    }

    /** The shipmentId for journey entries, the series for series entries; {@code .json} for version 1. */
    static String fileName(String key, byte[] value) {
        return key.substring(key.lastIndexOf('|') + 1).replace('/', '_') + (value[0] == '{' ? ".json" : ".bin");
    }

    private StateFixtureCapture() {
    }
}
