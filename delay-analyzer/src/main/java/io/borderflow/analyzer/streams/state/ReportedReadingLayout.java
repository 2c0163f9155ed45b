package io.borderflow.analyzer.streams.state;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Topics;
import io.borderflow.events.serde.JsonSerde;
import java.nio.charset.StandardCharsets;

/**
 * CBP's reading of a series inside a binary record: its JSON as on {@code border-waits.v1}, which carries its own
 * schema version; a few dozen series, so compactness does not matter here, one contract does.
 */
final class ReportedReadingLayout {

    private static final JsonSerde<BorderWaitReported> JSON = JsonSerde.of(BorderWaitReported.class);

    static void writeNullable(StateOutput out, BorderWaitReported reading) {
        out.writeBoolean(reading != null);
        if (reading != null) {
            out.writeText(new String(JSON.serialize(Topics.BORDER_WAITS, reading), StandardCharsets.UTF_8));
        }
    }

    static BorderWaitReported readNullable(StateInput in) {
        return in.readBoolean() ? JSON.deserialize(Topics.BORDER_WAITS, in.readText().getBytes(StandardCharsets.UTF_8))
                : null;
    }

    private ReportedReadingLayout() {
    }
}
