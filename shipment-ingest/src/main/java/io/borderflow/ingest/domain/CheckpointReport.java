package io.borderflow.ingest.domain;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** One checkpoint as a carrier reports it for a shipment named in the path. */
public record CheckpointReport(
        @NotNull UUID eventId,
        @NotNull CheckpointType type,
        @NotNull Instant occurredAt,
        @NotNull CheckpointSource source,
        GeoPoint location) {
}
