package io.borderflow.ingest.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/** A batch of one shipment's GPS positions; each stays raw JSON until read on its own, like {@link BatchRequest}. */
public record PositionBatchRequest(@NotEmpty List<JsonNode> positions) {
}
