package io.borderflow.analyzer.streams.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.serde.EventJson;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reading version 1, the first release's state: Jackson's JSON of the domain records as they were then.
 * Read field by field into today's types, so a later change of a record cannot change what old bytes mean.
 */
final class JsonV1 {

    static JsonNode tree(byte[] json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new SerializationException("malformed version 1 state record: " + e.getMessage(), e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    static Instant instant(JsonNode node, String field) {
        return Instant.parse(text(node, field));
    }

    static Instant nullableInstant(JsonNode node, String field) {
        return isNull(node, field) ? null : instant(node, field);
    }

    static Double nullableDouble(JsonNode node, String field) {
        return isNull(node, field) ? null : node.get(field).doubleValue();
    }

    static SeriesKey series(JsonNode node) {
        return new SeriesKey(text(node, "crossingId"), Direction.valueOf(text(node, "direction")),
                LaneType.valueOf(text(node, "laneType")));
    }

    static SampleStatistics statistics(JsonNode node) {
        return new SampleStatistics(node.get("count").intValue(), nullableDouble(node, "meanMinutes"),
                nullableDouble(node, "p50Minutes"), nullableDouble(node, "p85Minutes"), nullableDouble(node, "p95Minutes"));
    }

    static boolean isNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull();
    }

    private JsonV1() {
    }
}
