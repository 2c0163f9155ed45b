package io.borderflow.ingest.domain;

/**
 * One reported checkpoint as it reaches the intake: a report for a shipment, or — for an event of a batch that
 * could not even be read — only the reason, the problem type's last segment (e.g. {@code unknown-value}).
 */
public record Submission(String shipmentId, CheckpointReport report, String unreadable) {

    public static Submission of(String shipmentId, CheckpointReport report) {
        return new Submission(shipmentId, report, null);
    }

    public static Submission unreadable(String reason) {
        return new Submission(null, null, reason);
    }
}
