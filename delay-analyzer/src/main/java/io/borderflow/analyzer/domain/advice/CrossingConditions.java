package io.borderflow.analyzer.domain.advice;

import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.ReportedStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What is known about one series (crossing, direction, lane type) when advice is asked for.
 *
 * @param measured the latest statistics; null when the series has none
 * @param profile  its hour-of-week profile, hours with data only
 * @param reported CBP's latest reading as of now; null when CBP has none
 */
public record CrossingConditions(CrossingDelayUpdated measured, List<HourOfWeekProfile.Hour> profile,
        ReportedWait reported) {

    public static final CrossingConditions UNKNOWN = new CrossingConditions(null, List.of(), null);

    public CrossingConditions {
        profile = profile == null ? List.of() : List.copyOf(profile);
    }

    /** The live wait, unless the series is stale or has none: a stale series is never read as a current wait. */
    Optional<Double> liveWait() {
        return measured == null || measured.stale() ? Optional.empty() : Optional.ofNullable(measured.liveWaitMinutes());
    }

    int liveSamples() {
        return measured == null ? 0 : measured.waitTime().count();
    }

    boolean measuredStale() {
        return measured != null && measured.stale();
    }

    /** Crossing time beyond the wait (primary → exit) in the live window: p50 crossing − p50 wait. */
    Optional<Double> liveAfterWait() {
        if (measured == null || measured.stale() || measured.crossingTime().p50Minutes() == null
                || measured.waitTime().p50Minutes() == null) {
            return Optional.empty();
        }
        return Optional.of(Math.max(0, measured.crossingTime().p50Minutes() - measured.waitTime().p50Minutes()));
    }

    /** The profile's hour that {@code at} falls in, in the crossing's own zone (local hours across DST). */
    Optional<HourOfWeekProfile.Hour> profileAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return profile.stream()
                .filter(h -> h.dayOfWeek() == local.getDayOfWeek() && h.hour() == local.getHour()).findFirst();
    }

    /** CBP's current reading, with a number. */
    Optional<Integer> reportedWait() {
        return reported == null || reported.stale() ? Optional.empty() : Optional.ofNullable(reported.waitMinutes());
    }

    /** CBP currently reports the lanes of this series closed. */
    boolean reportedLanesClosed() {
        return reported != null && !reported.stale() && reported.status() == ReportedStatus.LANES_CLOSED;
    }
}
