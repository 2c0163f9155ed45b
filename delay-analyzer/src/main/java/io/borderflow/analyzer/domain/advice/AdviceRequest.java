package io.borderflow.analyzer.domain.advice;

import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import java.time.Instant;

/** Which crossing, and when: a truck leaving {@code from} at {@code departAt} for {@code to}. */
public record AdviceRequest(GeoPoint from, GeoPoint to, Direction direction, LaneType laneType, Instant departAt) {
}
