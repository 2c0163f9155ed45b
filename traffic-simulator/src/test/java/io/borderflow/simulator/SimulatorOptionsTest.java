package io.borderflow.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");

    @Test
    void aSpeedWithoutHistoryReplaysLessThanTheAlertThresholdAndStallTime() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--signing-key", "k.pem", "--speed", "60"}, NOW);
        assertThat(options.history()).isEqualTo(Duration.ofMinutes(85));
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k.pem"}, NOW).history()).isZero();
    }

    @Test
    void readsRatesSeedAndDurations() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--signing-key", "k.pem", "--seed", "7",
                "--duplicate-rate", "0.1", "--stalled-rate", "0.01", "--duration", "2m", "--history", "6d12h",
                "--max-rate", "500", "--run-id", "SMOKE", "--always-open", "--no-episodes"}, NOW);
        assertThat(options.traffic().seed()).isEqualTo(7);
        assertThat(options.traffic().runId()).isEqualTo("SMOKE");
        assertThat(options.traffic().imperfections().duplicateRate()).isEqualTo(0.1);
        assertThat(options.traffic().imperfections().stalledRate()).isEqualTo(0.01);
        assertThat(options.traffic().episodes().enabled()).isFalse();
        assertThat(options.runFor()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.history()).isEqualTo(Duration.ofDays(6).plusHours(12));
        assertThat(options.maxRate()).isEqualTo(500);
        assertThat(options.alwaysOpen()).isTrue();
    }

    @Test
    void gpsShareIsAFractionOfCarriersAndNoneByDefault() {
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k"}, NOW).gpsShare()).isZero();
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k", "--gps-share", "0.25"}, NOW).gpsShare())
                .isEqualTo(0.25);
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--signing-key", "k", "--gps-share", "1.5"}, NOW))
                .hasMessageContaining("--gps-share must be within 0..1");
    }

    @Test
    void asOfTakesAnOffsetOrAZone() {
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k", "--as-of", "2026-12-01T03:00-06:00"}, NOW)
                .asOf()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        // 23:30 in Laredo in July is daylight time (UTC-5), in December standard time (UTC-6)
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k", "--as-of", "2026-07-01T23:30[America/Chicago]"},
                NOW).asOf()).isEqualTo(Instant.parse("2026-07-02T04:30:00Z"));
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k"}, NOW).asOf()).isNull();
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--signing-key", "k", "--as-of", "2026-12-01T03:00"}, NOW))
                .hasMessageContaining("not a date and time with an offset or zone");
    }

    @Test
    void severalIngestInstancesAreAListOfBaseUrls() {
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k", "--ingest-url",
                "http://127.0.0.1:8081,http://127.0.0.1:8091/"}, NOW).ingestUrls())
                .containsExactly(URI.create("http://127.0.0.1:8081/"), URI.create("http://127.0.0.1:8091/"));
        assertThat(SimulatorOptions.parse(new String[] {"--signing-key", "k"}, NOW).ingestUrls())
                .containsExactly(URI.create("http://localhost:8081/"));
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--signing-key", "k", "--ingest-url", ","}, NOW))
                .hasMessageContaining("--ingest-url");
    }

    @Test
    void carrierTokensReplaceTheSimulatedCarriers() {
        SimulatorOptions options = SimulatorOptions.parse(new String[] {"--carrier-token", "acme=abc.def.ghi"}, NOW);
        assertThat(options.traffic().carriers()).containsExactly("acme");
        assertThat(options.carrierTokens()).containsEntry("acme", "abc.def.ghi");
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {}, NOW)).hasMessageContaining("--signing-key");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--signing-key", "k", "--duration", "soon"}, NOW))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--signing-key", "k", "--missing-rate", "2"}, NOW))
                .hasMessageContaining("missing rate");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--signing-key", "k", "--batch-size", "5000"}, NOW))
                .hasMessageContaining("--batch-size");
        assertThatThrownBy(() -> SimulatorOptions.parse(new String[] {"--bogus", "1"}, NOW))
                .hasMessageContaining("unknown option --bogus");
    }
}
