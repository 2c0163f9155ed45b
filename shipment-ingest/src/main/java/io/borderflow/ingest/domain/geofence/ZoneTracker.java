package io.borderflow.ingest.domain.geofence;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.GeoPoint;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The geofence rules, as a pure function {@code (progress, ping) → Step}: which checkpoints a truck's GPS pings
 * mean at one crossing. For each ping, in this order:
 * <ol>
 * <li>after the exit nothing changes ({@code AFTER_EXIT});</li>
 * <li>reported accuracy worse than {@code maxAccuracyMeters}: ignored ({@code INACCURATE});</li>
 * <li>not later than the last ping used: a duplicate or a late arrival, ignored ({@code STALE}) — the endpoint
 *     sorts each batch, so only a ping older than one of an earlier batch gets here;</li>
 * <li>the ping lies in a stage when it is at least {@code edgeMargin} inside it (for "beyond", past the exit's far
 *     edge); within the margin of an edge it lies in none, so jitter at an edge proves nothing;</li>
 * <li>a run of consecutive pings in one stage lasting {@code minDwell}, in a stage further than any before, means
 *     the truck reached that stage, and every milestone up to it is derived once: the queue →
 *     {@code QUEUE_ENTERED}, primary inspection → {@code PRIMARY_INSPECTION}, beyond the exit →
 *     {@code PORT_EXITED}. A stage passed between two pings (a gap across the booth) is derived too.</li>
 * </ol>
 * A milestone is derived only if a ping was seen before the run (the truck was seen getting there), and the queue
 * only when the truck came into it moving toward the border — a truck first seen inside the queue, parked beside it
 * or driving away from the border does not join it. Its time is the run's first ping, or — when that ping came
 * {@code gap} or more after the one before, or the stage was passed between two pings — the time the straight line
 * between those two pings crosses the stage's edge. A single stray ping is a run of no length and proves nothing.
 * Progress never goes back: a U-turn after the queue derives nothing more, and a truck that comes back later
 * continues where it was.
 */
public final class ZoneTracker {

    /** What a ping did. */
    public enum Outcome { USED, INACCURATE, STALE, AFTER_EXIT }

    /** The progress after a ping, the checkpoints it derived (in journey order) and what it did. */
    public record Step(CrossingProgress progress, List<DerivedCheckpoint> derived, Outcome outcome) {
    }

    private ZoneTracker() {
    }

    public static Step next(CrossingProgress progress, Ping ping, CrossingGeofence fence, GeofenceRules rules) {
        if (progress.exited()) {
            return new Step(progress, List.of(), Outcome.AFTER_EXIT);
        }
        if (ping.accuracyMeters() != null && ping.accuracyMeters() > rules.maxAccuracyMeters()) {
            return new Step(progress, List.of(), Outcome.INACCURATE);
        }
        if (progress.last() != null && !ping.at().isAfter(progress.last().at())) {
            return new Step(progress, List.of(), Outcome.STALE);
        }
        CrossingGeofence.Place place = fence.locate(ping.location());
        Stage stage = stageOf(place, rules.edgeMarginMeters());
        Fix fix = new Fix(ping.at(), ping.location().latitude(), ping.location().longitude(), place.s(), stage);
        boolean newRun = progress.last() == null || stage == null || stage != progress.last().stage();
        Fix runStart = newRun ? fix : progress.runStart();
        Fix before = newRun ? progress.last() : progress.before();

        boolean confirmed = stage != null && stage.ordinal() > progress.reached().ordinal()
                && Duration.between(runStart.at(), fix.at()).compareTo(rules.minDwell()) >= 0;
        if (!confirmed) {
            return new Step(new CrossingProgress(fix, runStart, before, progress.reached()), List.of(), Outcome.USED);
        }
        List<DerivedCheckpoint> derived = new ArrayList<>(3);
        for (Stage passed : Stage.values()) {
            if (passed.ordinal() > progress.reached().ordinal() && passed.ordinal() <= stage.ordinal()) {
                milestone(passed, stage, before, runStart, fence, rules).ifPresent(derived::add);
            }
        }
        return new Step(new CrossingProgress(fix, runStart, before, stage), List.copyOf(derived), Outcome.USED);
    }

    /** The stage a ping lies in by at least {@code margin}; null within the margin of an edge. */
    static Stage stageOf(CrossingGeofence.Place place, double margin) {
        Stage deepest = Stage.OUTSIDE;
        double outside = Double.MAX_VALUE;
        for (Stage stage : Stage.values()) {
            if (stage != Stage.OUTSIDE) {
                if (place.depth(stage) > place.depth(deepest)) {
                    deepest = stage;
                }
                outside = Math.min(outside, -place.depth(stage));
            }
        }
        if (deepest != Stage.OUTSIDE && place.depth(deepest) >= margin) {
            return deepest;
        }
        return outside >= margin ? Stage.OUTSIDE : null;
    }

    private static Optional<DerivedCheckpoint> milestone(Stage passed, Stage reached, Fix before,
            Fix runStart, CrossingGeofence fence, GeofenceRules rules) {
        CheckpointType type = switch (passed) {
            case QUEUE -> CheckpointType.QUEUE_ENTERED;
            case PRIMARY_INSPECTION -> CheckpointType.PRIMARY_INSPECTION;
            case BEYOND -> CheckpointType.PORT_EXITED;
            case OUTSIDE, EXIT -> null;
        };
        if (type == null || before == null) {
            return Optional.empty();
        }
        if (passed == Stage.QUEUE && before.s() >= runStart.s()) {
            return Optional.empty();
        }
        boolean acrossGap = Duration.between(before.at(), runStart.at()).compareTo(rules.gap()) >= 0;
        if (passed == reached && !acrossGap) {
            return Optional.of(new DerivedCheckpoint(type, runStart.at(),
                    new GeoPoint(runStart.latitude(), runStart.longitude())));
        }
        return Optional.of(interpolated(type, fence.edgeOf(passed), before, runStart));
    }

    /** Where the straight line from {@code from} to {@code to} crosses progress {@code edge}, and when. */
    private static DerivedCheckpoint interpolated(CheckpointType type, double edge, Fix from, Fix to) {
        double span = to.s() - from.s();
        double fraction = span <= 0 ? 1 : Math.max(0, Math.min(1, (edge - from.s()) / span));
        long millis = Duration.between(from.at(), to.at()).toMillis();
        // to the second, like the pings themselves
        Instant at = from.at().plusMillis(Math.round(fraction * millis)).truncatedTo(ChronoUnit.SECONDS);
        GeoPoint location = new GeoPoint(from.latitude() + fraction * (to.latitude() - from.latitude()),
                from.longitude() + fraction * (to.longitude() - from.longitude()));
        return new DerivedCheckpoint(type, at, location);
    }
}
