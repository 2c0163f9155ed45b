package io.borderflow.ingest.domain;

import io.borderflow.events.CheckpointRecorded;

/**
 * The intake's decision on one submission. {@code event} (stamped) and {@code fingerprint} are set for the
 * ACCEPTED ones, which are still to be published; {@code rejection} for those refused by a rule of the intake.
 * {@code reason} is "none", a rejection's code, or why the event could not be read.
 */
public record Verdict(ReceiptStatus status, String reason, Rejection rejection, CheckpointRecorded event,
        CheckpointFingerprint fingerprint) {

    static Verdict accepted(CheckpointRecorded event, CheckpointFingerprint fingerprint) {
        return new Verdict(ReceiptStatus.ACCEPTED, "none", null, event, fingerprint);
    }

    static Verdict duplicate() {
        return new Verdict(ReceiptStatus.DUPLICATE, "none", null, null, null);
    }

    static Verdict rejected(Rejection rejection) {
        return new Verdict(ReceiptStatus.REJECTED, rejection.reason().code(), rejection, null, null);
    }

    static Verdict unreadable(String reason) {
        return new Verdict(ReceiptStatus.REJECTED, reason, null, null, null);
    }
}
