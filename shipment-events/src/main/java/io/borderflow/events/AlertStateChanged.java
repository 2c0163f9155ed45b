package io.borderflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An alert instance (one rule × one series or shipment) changed state, or was acknowledged.
 *
 * @param fingerprint    stable hash of the rule id and the sorted labels; the PagerDuty dedup_key
 * @param labels         identify the instance (rule, crossing, direction, lane, shipment, severity)
 * @param annotations    describe it (summary, runbook_url)
 * @param value          the measured value that was compared with the threshold, if any
 * @param startsAt       when the alert started firing (null while pending)
 * @param endsAt         when it resolved (null unless resolved)
 * @param acknowledgedBy who acknowledged it, if someone did
 */
public record AlertStateChanged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String fingerprint,
        String ruleId,
        Severity severity,
        AlertState previousState,
        AlertState state,
        Map<String, String> labels,
        Map<String, String> annotations,
        Double value,
        Instant activeAt,
        Instant startsAt,
        Instant endsAt,
        String acknowledgedBy,
        Instant acknowledgedAt) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public AlertStateChanged {
        Required.field(eventId, "eventId");
        Required.field(occurredAt, "occurredAt");
        Required.version(schemaVersion);
        Required.text(fingerprint, "fingerprint");
        Required.text(ruleId, "ruleId");
        Required.field(severity, "severity");
        Required.field(previousState, "previousState");
        Required.field(state, "state");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
