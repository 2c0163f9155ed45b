package io.borderflow.support.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without {@code BORDERFLOW_LOG_JSON}, console logs stay text lines, as before; JsonLogsTest: the switch. */
@QuarkusTest
class TextLogsTest {

    @Test
    void byDefaultALineIsText() {
        String line = ConsoleFormat.line("relayed 3 records", Map.of());

        assertThat(line).contains("INFO").contains("relayed 3 records").doesNotStartWith("{");
    }
}
