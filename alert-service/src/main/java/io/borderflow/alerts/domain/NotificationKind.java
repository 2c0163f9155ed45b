package io.borderflow.alerts.domain;

/** Why on-call is told: the alert started firing, fires still (repeat), was acknowledged, or resolved. */
public enum NotificationKind {
    FIRING, REPEAT, ACKNOWLEDGED, RESOLVED
}
