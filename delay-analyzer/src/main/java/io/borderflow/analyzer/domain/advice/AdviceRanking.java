package io.borderflow.analyzer.domain.advice;

import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.analyzer.domain.Minutes;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Ranks every candidate crossing by expected door-to-door time: drive to the crossing + wait for its lanes to
 * open (when closed at arrival) + expected wait when the truck joins the queue + crossing time beyond the wait +
 * drive to the destination. Crossings with a total come first, shortest first; then those whose wait is unknown
 * (by their known parts); excluded ones last.
 */
public final class AdviceRanking {

    private static final Comparator<RankedCrossing> ORDER = Comparator
            .comparingInt((RankedCrossing r) -> r.excludedBecause() != null ? 2 : r.totalMinutes() == null ? 1 : 0)
            .thenComparingDouble(r -> r.totalMinutes() != null ? r.totalMinutes() : knownMinutes(r))
            .thenComparing(r -> r.crossing().id());

    private final DriveTimeEstimate drive;
    private final Duration liveHorizon;
    private final boolean commercialHours;

    /** @param commercialHours false ignores the crossings' hours (tests and demos at night only) */
    public AdviceRanking(DriveTimeEstimate drive, Duration liveHorizon, boolean commercialHours) {
        this.drive = drive;
        this.liveHorizon = liveHorizon;
        this.commercialHours = commercialHours;
    }

    /**
     * @param conditions what is known of each crossing's series in the request's direction and lane type
     */
    public List<RankedCrossing> rank(AdviceRequest request, Instant now, Collection<Crossing> crossings,
            Function<Crossing, CrossingConditions> conditions) {
        List<RankedCrossing> candidates = new ArrayList<>();
        for (Crossing crossing : crossings) {
            candidates.add(assess(request, now, crossing, conditions.apply(crossing)));
        }
        candidates.sort(ORDER);
        List<RankedCrossing> ranked = new ArrayList<>();
        int rank = 1;
        for (RankedCrossing candidate : candidates) {
            boolean rankable = candidate.excludedBecause() == null && candidate.totalMinutes() != null;
            ranked.add(candidate.withRank(rankable ? rank++ : null));
        }
        return ranked;
    }

    RankedCrossing assess(AdviceRequest request, Instant now, Crossing crossing, CrossingConditions conditions) {
        DriveTimeEstimate.Drive in = drive.between(request.from(), crossing.location());
        DriveTimeEstimate.Drive out = drive.between(crossing.location(), request.to());
        Instant arrival = request.departAt().plusMillis(Math.round(in.minutes() * 60_000));
        Instant joinAt = commercialHours ? crossing.commercialHours().nextOpeningAt(arrival, crossing.zone()) : arrival;
        double forOpening = Minutes.between(arrival, joinAt);
        List<RankedCrossing.Flag> flags = new ArrayList<>();
        if (joinAt.isAfter(arrival)) {
            flags.add(RankedCrossing.Flag.CLOSED_AT_ARRIVAL);
        }
        if (conditions.measuredStale()) {
            flags.add(RankedCrossing.Flag.MEASURED_STALE);
        }
        ExpectedWait wait = ExpectedWait.at(joinAt, now, liveHorizon, crossing.zone(), conditions);
        if (wait.source() == WaitSource.CBP_REPORTED) {
            flags.add(RankedCrossing.Flag.CBP_REPORTED_WAIT);
        }
        if (wait.minutes() == null) {
            flags.add(RankedCrossing.Flag.NO_WAIT_DATA);
        }
        RankedCrossing.Exclusion exclusion = null;
        if (request.laneType() == LaneType.FAST && !crossing.fastLanes()) {
            exclusion = RankedCrossing.Exclusion.NO_FAST_LANES;
        } else if (conditions.reportedLanesClosed() && wait.liveWeight() > 0) {
            exclusion = RankedCrossing.Exclusion.LANES_CLOSED;
        }
        CrossingTime crossingTime = crossingTime(joinAt, now, crossing, conditions, wait.liveWeight());
        Double total = exclusion != null || wait.minutes() == null ? null
                : in.minutes() + forOpening + wait.minutes() + crossingTime.minutes() + out.minutes();
        return new RankedCrossing(crossing, null, exclusion, total, arrival, joinAt, in, forOpening, wait,
                crossingTime.minutes(), crossingTime.source(), out, List.copyOf(flags));
    }

    private record CrossingTime(double minutes, WaitSource source) {
    }

    /**
     * Crossing time beyond the wait (primary → exit), so the wait is not counted twice: from the live window while
     * the live wait counts, else the profile's hour, else the crossing's free-flow crossing time.
     */
    private static CrossingTime crossingTime(Instant joinAt, Instant now, Crossing crossing,
            CrossingConditions conditions, double liveWeight) {
        Optional<Double> live = liveWeight > 0 ? conditions.liveAfterWait() : Optional.empty();
        if (live.isPresent()) {
            return new CrossingTime(live.get(), WaitSource.LIVE);
        }
        Optional<HourOfWeekProfile.Hour> hour = conditions.profileAt(joinAt, crossing.zone())
                .filter(h -> h.medianCrossingMinutes() != null && h.medianWaitMinutes() != null);
        if (hour.isPresent()) {
            return new CrossingTime(Math.max(0, hour.get().medianCrossingMinutes() - hour.get().medianWaitMinutes()),
                    WaitSource.PROFILE);
        }
        return new CrossingTime(crossing.freeFlowMinutes(), WaitSource.FREE_FLOW);
    }

    private static double knownMinutes(RankedCrossing r) {
        return r.driveToCrossing().minutes() + r.waitForOpeningMinutes() + r.crossingTimeMinutes()
                + r.driveToDestination().minutes();
    }
}
