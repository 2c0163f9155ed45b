package io.borderflow.ingest.domain;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/** One event of a batch: a checkpoint report that names its shipment. */
public record BatchCheckpointReport(
        @NotBlank String shipmentId,
        @NotNull UUID eventId,
        @NotNull CheckpointType type,
        @NotNull Instant occurredAt,
        @NotNull CheckpointSource source,
        GeoPoint location) {

    public CheckpointReport report() {
        return new CheckpointReport(eventId, type, occurredAt, source, location);
    }
}
