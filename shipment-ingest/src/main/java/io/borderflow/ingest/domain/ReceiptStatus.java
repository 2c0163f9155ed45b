package io.borderflow.ingest.domain;

/** What became of a reported checkpoint. */
public enum ReceiptStatus {
    /** Acknowledged by the broker: on checkpoints.v1. */
    ACCEPTED,
    /** The same eventId with the same content was accepted before; not published again. */
    DUPLICATE,
    /** Not valid; never published. */
    REJECTED
}
