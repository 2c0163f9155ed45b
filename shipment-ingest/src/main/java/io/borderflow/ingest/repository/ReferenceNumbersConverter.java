package io.borderflow.ingest.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.borderflow.events.serde.EventJson;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;

/** Reference numbers are stored as one JSON object: read and written whole, never queried. */
@Converter
public class ReferenceNumbersConverter implements AttributeConverter<Map<String, String>, String> {

    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, String> numbers) {
        try {
            // sorted, so the same numbers always give the same text
            return EventJson.mapper().writeValueAsString(new TreeMap<>(numbers == null ? Map.of() : numbers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write reference numbers", e);
        }
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String json) {
        try {
            return json == null ? Map.of() : Map.copyOf(EventJson.mapper().readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reference numbers are not JSON", e);
        }
    }
}
