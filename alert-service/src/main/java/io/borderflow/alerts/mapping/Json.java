package io.borderflow.alerts.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.borderflow.events.serde.EventJson;
import java.util.Map;
import java.util.TreeMap;

/** JSON text columns (labels, matchers, payloads) with the event JSON settings. */
public final class Json {

    private static final TypeReference<TreeMap<String, String>> LABELS = new TypeReference<>() {
    };

    public static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not a " + type.getSimpleName(), e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }

    /** Labels keep a sorted order in storage and on the wire, so equal label sets read the same. */
    public static Map<String, String> labels(String json) {
        return read(json, LABELS);
    }

    private Json() {
    }
}
