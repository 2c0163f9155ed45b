package io.borderflow.ingest.domain;

import java.util.UUID;

/** The answer to a single checkpoint post. */
public record CheckpointReceipt(UUID eventId, String shipmentId, ReceiptStatus status) {
}
