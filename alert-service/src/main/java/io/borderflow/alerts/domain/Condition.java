package io.borderflow.alerts.domain;

/**
 * A rule's condition at one observation. UNKNOWN (no data, or a stale series for a delay measure) is
 * neither true nor false: it never starts an alert and never counts toward resolving one.
 */
public enum Condition {
    TRUE, FALSE, UNKNOWN
}
