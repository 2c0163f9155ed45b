package io.borderflow.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code BORDERFLOW_LOG_JSON=true} turns every service's console logs into JSON lines that carry the span's ids. */
@QuarkusTest
@TestProfile(JsonLogsTest.JsonLogs.class)
class JsonLogsTest {

    /** What the OpenTelemetry extension puts in the MDC while a span is current. */
    private static final Map<String, String> SPAN = Map.of("traceId", "0af7651916cd43dd8448eb211c80319c",
            "spanId", "b7ad6b7169203331");

    @Test
    void aLineIsOneJsonObjectWithTheTraceAndSpanIds() throws Exception {
        String line = ConsoleFormat.line("relayed 3 records", SPAN);

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("relayed 3 records");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("loggerName").asText()).isEqualTo("io.borderflow.test");
        assertThat(json.path("mdc").path("traceId").asText()).isEqualTo(SPAN.get("traceId"));
        assertThat(json.path("mdc").path("spanId").asText()).isEqualTo(SPAN.get("spanId"));
    }

    public static class JsonLogs implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("BORDERFLOW_LOG_JSON", "true");
        }
    }
}
