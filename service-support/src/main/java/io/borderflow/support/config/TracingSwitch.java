package io.borderflow.support.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing is on exactly when there is somewhere to send it: with {@value #ENDPOINT} set (environment
 * {@code BORDERFLOW_OTLP_ENDPOINT}) the OpenTelemetry SDK runs and exports OTLP there; without it the SDK is disabled, so
 * no exporter retries a collector that is not there and nothing is logged about it. A service's
 * {@code application.properties} or the environment can still set {@code quarkus.otel.*} themselves (they rank
 * higher); the protocol is Quarkus' default, gRPC, unless {@code QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL} says
 * {@code http/protobuf}.
 */
public class TracingSwitch implements ConfigSourceFactory {

    public static final String ENDPOINT = "borderflow.otlp.endpoint";

    /** Above the libraries' microprofile-config.properties (100), below application.properties (250). */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue endpoint = context.getValue(ENDPOINT);
        Map<String, String> settings = endpoint == null || endpoint.getValue() == null || endpoint.getValue().isBlank()
                ? Map.of("quarkus.otel.sdk.disabled", "true")
                : Map.of("quarkus.otel.sdk.disabled", "false",
                        "quarkus.otel.exporter.otlp.traces.endpoint", endpoint.getValue().strip());
        return List.of(new PropertiesConfigSource(settings, "borderflow-tracing-switch", ORDINAL));
    }
}
