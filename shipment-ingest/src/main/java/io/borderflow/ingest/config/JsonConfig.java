package io.borderflow.ingest.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.events.serde.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** REST bodies follow the event JSON rules: ISO-8601 instants, enums by name only (a number is not a type). */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        EventJson.configure(mapper);
    }
}
