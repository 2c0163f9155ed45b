package io.borderflow.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is on exactly when an OTLP endpoint is set; explicit settings still win. */
class TracingSwitchTest {

    @Test
    void withoutAnEndpointTheSdkIsOffSoNothingTriesToExport() {
        SmallRyeConfig config = configWith(Map.of());

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
        assertThat(config.getOptionalValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class)).isEmpty();
    }

    @Test
    void anEndpointTurnsTheSdkOnAndExportsThere() {
        SmallRyeConfig config = configWith(Map.of(TracingSwitch.ENDPOINT, "http://collector:4317"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class))
                .isEqualTo("http://collector:4317");
    }

    @Test
    void aBlankEndpointIsNone() {
        assertThat(configWith(Map.of(TracingSwitch.ENDPOINT, " ")).getValue("quarkus.otel.sdk.disabled", Boolean.class))
                .isTrue();
    }

    @Test
    void anApplicationsOwnSettingWins() {
        SmallRyeConfig config = configWith(Map.of(TracingSwitch.ENDPOINT, "http://collector:4317",
                "quarkus.otel.sdk.disabled", "true"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    /** {@code settings} as application.properties gives them (ordinal 250). */
    private static SmallRyeConfig configWith(Map<String, String> settings) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "application.properties", 250))
                .withSources(new TracingSwitch())
                .build();
    }
}
