package io.borderflow.alerts.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.ShipmentDelayUpdated;

/**
 * What a rule compares with its threshold. Crossing measures read a {@link CrossingDelayUpdated}, shipment
 * measures a {@link ShipmentDelayUpdated}. Boolean measures ({@code stale}, {@code shipment_stalled}) read
 * as 1 (true) or 0 (false).
 */
public enum Measure {
    @JsonProperty("live_wait_minutes") LIVE_WAIT_MINUTES("live_wait_minutes", Subject.CROSSING, false),
    @JsonProperty("crossing_time_p95_minutes") CROSSING_TIME_P95_MINUTES("crossing_time_p95_minutes", Subject.CROSSING, false),
    @JsonProperty("average_delay_minutes") AVERAGE_DELAY_MINUTES("average_delay_minutes", Subject.CROSSING, false),
    @JsonProperty("buffer_index") BUFFER_INDEX("buffer_index", Subject.CROSSING, false),
    @JsonProperty("queued_now") QUEUED_NOW("queued_now", Subject.CROSSING, false),
    @JsonProperty("stale") STALE("stale", Subject.CROSSING, true),
    /** CBP's reported wait for the series (an officer's hourly estimate), while it has a current one. */
    @JsonProperty("reported_wait_minutes") REPORTED_WAIT_MINUTES("reported_wait_minutes", Subject.CROSSING, false),
    /** |CBP's reported wait − measured live wait|, while both are known and current. */
    @JsonProperty("reported_vs_measured_gap_minutes") REPORTED_VS_MEASURED_GAP_MINUTES("reported_vs_measured_gap_minutes",
            Subject.CROSSING, false),
    @JsonProperty("shipment_delay_minutes") SHIPMENT_DELAY_MINUTES("shipment_delay_minutes", Subject.SHIPMENT, false),
    @JsonProperty("shipment_stalled") SHIPMENT_STALLED("shipment_stalled", Subject.SHIPMENT, true);

    /** Which input event a measure is read from; one alert instance per rule × series (or × shipment). */
    public enum Subject { CROSSING, SHIPMENT }

    private final String wireName;
    private final Subject subject;
    private final boolean bool;

    Measure(String wireName, Subject subject, boolean bool) {
        this.wireName = wireName;
        this.subject = subject;
        this.bool = bool;
    }

    public Subject subject() {
        return subject;
    }

    /** Boolean measures are compared as 1/0; their rule needs no threshold (it defaults to "> 0"). */
    public boolean isBoolean() {
        return bool;
    }

    public static Measure fromWireName(String name) {
        for (Measure measure : values()) {
            if (measure.wireName.equals(name)) {
                return measure;
            }
        }
        throw new IllegalArgumentException("unknown measure: " + name);
    }

    /**
     * The value of this measure in a crossing update, or null when it has no data. A stale series has no
     * current value for any delay measure: stale is its own measure and never reads as "delay is low".
     */
    public Double read(CrossingDelayUpdated update) {
        if (this == STALE) {
            return update.stale() ? 1.0 : 0.0;
        }
        // CBP's number does not go stale with the measurements (the analyzer drops it when it is old itself)
        if (this == REPORTED_WAIT_MINUTES) {
            return update.reportedWaitMinutes() == null ? null : update.reportedWaitMinutes().doubleValue();
        }
        // a stale series has no current value; a series only CBP reports has none at all (not even queued_now 0)
        if (update.stale() || !update.measured()) {
            return null;
        }
        return switch (this) {
            case LIVE_WAIT_MINUTES -> update.liveWaitMinutes();
            case CROSSING_TIME_P95_MINUTES -> update.crossingTime().p95Minutes();
            case AVERAGE_DELAY_MINUTES -> update.averageDelayMinutes();
            case BUFFER_INDEX -> update.bufferIndex();
            case QUEUED_NOW -> (double) update.queuedNow();
            case REPORTED_VS_MEASURED_GAP_MINUTES -> update.reportedMinusMeasuredMinutes() == null ? null
                    : Math.abs(update.reportedMinusMeasuredMinutes());
            default -> throw new IllegalStateException(this + " is not a crossing measure");
        };
    }

    /** The value of this measure in a shipment update, or null when it has no data yet. */
    public Double read(ShipmentDelayUpdated update) {
        return switch (this) {
            case SHIPMENT_STALLED -> update.stalled() ? 1.0 : 0.0;
            case SHIPMENT_DELAY_MINUTES -> update.delayMinutes();
            default -> throw new IllegalStateException(this + " is not a shipment measure");
        };
    }

    @Override
    public String toString() {
        return wireName;
    }
}
