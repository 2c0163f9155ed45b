package io.borderflow.events.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON configuration of BorderFlow events: ISO-8601 instants, strict enums, tolerant of new fields. */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    /** Applies the event settings to a mapper (for example the one Quarkus provides). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // a consumer on an older version ignores fields added later (additive changes keep v1)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }

    /** A shared, thread-safe mapper with the event settings. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private EventJson() {
    }
}
