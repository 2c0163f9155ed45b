package io.borderflow.ingest.domain;

import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import java.time.Instant;

/**
 * What makes two reports with one eventId the same fact. Times are compared at stored precision, so a report
 * matches its copy in the read model.
 */
public record CheckpointFingerprint(String shipmentId, CheckpointType type, Instant occurredAt,
        CheckpointSource source, GeoPoint location) {

    public CheckpointFingerprint {
        occurredAt = Timestamps.stored(occurredAt);
    }

    public static CheckpointFingerprint of(String shipmentId, CheckpointReport report) {
        return new CheckpointFingerprint(shipmentId, report.type(), report.occurredAt(), report.source(),
                report.location());
    }
}
