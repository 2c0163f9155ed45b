package io.borderflow.events;

/** Alert severity, in the words of Alertmanager labels and PagerDuty Events v2. */
public enum Severity {
    CRITICAL,
    WARNING,
    INFO
}
