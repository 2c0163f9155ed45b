package io.borderflow.analyzer.domain;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.ReportedStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * CBP's reported wait for one series beside the measured one. The reported number is an officer's estimate of
 * the wait to reach primary, entered about hourly; the measured live wait comes from trucks' own checkpoints.
 * They are compared, never mixed.
 *
 * @param waitMinutes null when CBP gives no number (lanes closed, update pending, unreadable)
 * @param updatedAt   the officer's update time; null when the feed gives none
 * @param stale       the reading is older than reported-stale-after: shown as such, not compared
 */
public record ReportedWait(Integer waitMinutes, Integer lanesOpen, ReportedStatus status, boolean portOpen,
        Instant updatedAt, boolean stale) {

    /** The default of {@code borderflow.analyzer.reported-stale-after}: three hourly updates missed. */
    public static final String DEFAULT_STALE_AFTER = "PT3H";

    /** A reading as of {@code now}: stale once older than {@code staleAfter} (by the officer's time, else the feed's). */
    public static ReportedWait of(BorderWaitReported reading, Instant now, Duration staleAfter) {
        Instant at = reading.updatedAt() != null ? reading.updatedAt() : reading.occurredAt();
        return new ReportedWait(reading.waitMinutes(), reading.lanesOpen(), reading.status(), reading.portOpen(),
                reading.updatedAt(), Duration.between(at, now).compareTo(staleAfter) > 0);
    }

    /**
     * Reported wait − measured live wait, in minutes; null unless both are known and current (a stale reading
     * or a stale series is not compared).
     */
    public static Double reportedMinusMeasured(ReportedWait reported, Double measuredLiveWait, boolean measuredStale) {
        return gap(reported == null ? null : reported.currentWaitMinutes(), measuredLiveWait, measuredStale);
    }

    /** As above, from the current reported wait ({@link #currentWaitMinutes()}). */
    public static Double gap(Integer currentReportedWait, Double measuredLiveWait, boolean measuredStale) {
        if (currentReportedWait == null || measuredLiveWait == null || measuredStale) {
            return null;
        }
        return currentReportedWait - measuredLiveWait;
    }

    /** The reported wait when it is current and has a number, else null: what is published and compared. */
    public Integer currentWaitMinutes() {
        return stale ? null : waitMinutes;
    }

    /** One reading of a series' history: when it was reported and its wait (null: no number). */
    public record Point(Instant at, Integer waitMinutes) {
    }

    /**
     * The reported wait in effect at {@code t}: the latest reading at or before it, unless that is older than
     * {@code staleAfter} or gives no number. {@code readings} are in time order.
     */
    public static Integer inEffectAt(List<Point> readings, Instant t, Duration staleAfter) {
        Point latest = null;
        for (Point reading : readings) {
            if (reading.at().isAfter(t)) {
                break;
            }
            latest = reading;
        }
        if (latest == null || Duration.between(latest.at(), t).compareTo(staleAfter) > 0) {
            return null;
        }
        return latest.waitMinutes();
    }
}
