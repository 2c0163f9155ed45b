package io.borderflow.ingest.domain;

import io.borderflow.events.PositionReported;

/**
 * The intake's decision on one reported position: ACCEPTED ones carry the stamped {@code event} still to be
 * published and its {@code fingerprint}; refused ones their {@code rejection}, or only a {@code reason} when the
 * position could not be read. {@code reason} is "none", a rejection's code, or why it could not be read.
 */
public record PositionVerdict(ReceiptStatus status, String reason, Rejection rejection, PositionReported event,
        PositionFingerprint fingerprint) {

    static PositionVerdict accepted(PositionReported event, PositionFingerprint fingerprint) {
        return new PositionVerdict(ReceiptStatus.ACCEPTED, "none", null, event, fingerprint);
    }

    static PositionVerdict duplicate() {
        return new PositionVerdict(ReceiptStatus.DUPLICATE, "none", null, null, null);
    }

    static PositionVerdict rejected(Rejection rejection) {
        return new PositionVerdict(ReceiptStatus.REJECTED, rejection.reason().code(), rejection, null, null);
    }

    static PositionVerdict unreadable(String reason) {
        return new PositionVerdict(ReceiptStatus.REJECTED, reason, null, null, null);
    }
}
