package io.borderflow.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * A batch of checkpoint reports. The events stay raw JSON until each is read on its own, so one
 * unreadable event is rejected alone instead of failing the whole batch.
 */
public record BatchRequest(@NotEmpty List<JsonNode> events) {
}
