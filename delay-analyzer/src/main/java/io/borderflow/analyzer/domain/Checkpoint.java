package io.borderflow.analyzer.domain;

import io.borderflow.events.CheckpointType;
import java.time.Instant;
import java.util.UUID;

/** One checkpoint of a journey, as much of it as the measures need. */
public record Checkpoint(UUID eventId, CheckpointType type, Instant occurredAt) {
}
