package io.borderflow.analyzer.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The data of an SSE {@code crossing-delay} event: a SeriesView plus the crossing it belongs to. */
@JsonPropertyOrder("crossingId")
public record CrossingDelayEvent(String crossingId, @JsonUnwrapped SeriesView series) {
}
