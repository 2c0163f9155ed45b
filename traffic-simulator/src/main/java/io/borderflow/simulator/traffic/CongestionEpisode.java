package io.borderflow.simulator.traffic;

import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of trouble at one crossing, northbound: a slowdown multiplies queue waits (staffing shortage,
 * inspection surge), a closure stops primary inspection altogether (incident, security alert) and the queue
 * drains after it reopens.
 */
public record CongestionEpisode(Kind kind, String crossingId, Instant start, Instant end, double peakFactor) {

    public enum Kind { SLOWDOWN, CLOSURE }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean covers(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }

    /** Wait multiplier of a slowdown at {@code at}: ramps up over the first quarter, holds, ramps down over the last. */
    public double waitFactor(Instant at) {
        if (kind != Kind.SLOWDOWN || !covers(at)) {
            return 1.0;
        }
        double progress = (double) Duration.between(start, at).toSeconds() / duration().toSeconds();
        double ramp = Math.min(1.0, Math.min(progress, 1.0 - progress) / 0.25);
        return 1.0 + (peakFactor - 1.0) * ramp;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase() + " at " + crossingId + " " + start + " – " + end
                + (kind == Kind.SLOWDOWN ? " (waits ×" + String.format("%.1f", peakFactor) + ")" : "");
    }
}
