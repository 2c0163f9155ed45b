package io.borderflow.events;

/** Lifecycle of one alert instance, as in Prometheus alerting rules. */
public enum AlertState {
    INACTIVE,
    PENDING,
    FIRING,
    RESOLVED
}
