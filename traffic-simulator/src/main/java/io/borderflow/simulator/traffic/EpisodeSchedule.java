package io.borderflow.simulator.traffic;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The congestion episodes of a run, planned cycle by cycle from the run's start and seed: in each cycle a
 * slowdown at one major crossing and a closure at another, both chosen among crossings open for the whole
 * episode. The slowdown is strong enough to push the typical wait past two hours, so the default
 * "live wait &gt; 90 min for 10 min" alert fires and, once the episode is over, resolves; a two-hour closure
 * does the same through the oldest queued truck.
 */
public final class EpisodeSchedule {

    /** Only crossings this busy get episodes: an alert on a port with a handful of trucks teaches nothing. */
    static final long MAJOR_CROSSING_TRUCKS_PER_YEAR = 150_000;
    /** Typical wait a slowdown drives a crossing to at its peak. */
    static final double SLOWDOWN_PEAK_WAIT_MINUTES = 140;

    private final List<Crossing> majorCrossings;
    private final TrafficProfile profile;
    private final CrossingTimes times;
    private final TrafficSettings.EpisodePlan plan;
    private final long seed;
    private final Instant start;
    private final List<CongestionEpisode> planned = new ArrayList<>();
    private int plannedCycles;

    public EpisodeSchedule(CrossingCatalog catalog, TrafficProfile profile, CrossingTimes times,
            TrafficSettings settings, Instant start) {
        this.majorCrossings = catalog.all().stream()
                .filter(c -> c.northboundTrucksPerYear() >= MAJOR_CROSSING_TRUCKS_PER_YEAR).toList();
        this.profile = profile;
        this.times = times;
        this.plan = settings.episodes();
        this.seed = settings.seed();
        this.start = start;
    }

    /** Every episode starting before {@code until}, in start order. */
    public synchronized List<CongestionEpisode> plannedUntil(Instant until) {
        if (!plan.enabled()) {
            return List.of();
        }
        while (!cycleStart(plannedCycles).isAfter(until)) {
            planCycle(plannedCycles++);
        }
        return planned.stream().filter(e -> e.start().isBefore(until)).toList();
    }

    /** Multiplier of northbound waits at a crossing at an instant (1 outside slowdowns). */
    public double waitFactor(String crossingId, Instant at) {
        double factor = 1.0;
        for (CongestionEpisode episode : episodesAt(crossingId, at)) {
            factor = Math.max(factor, episode.waitFactor(at));
        }
        return factor;
    }

    /**
     * When a northbound truck that would reach primary inspection at {@code primary} really gets there: a
     * closure holds every truck until it reopens, then the backlog drains over half the closure's length, in
     * queue order, and trucks queued behind it catch up over the next half.
     */
    public Instant primaryInspectionAfterClosures(String crossingId, Instant primary) {
        Instant result = primary;
        for (CongestionEpisode episode : plannedUntil(primary.plusSeconds(1))) {
            if (episode.kind() == CongestionEpisode.Kind.CLOSURE && episode.crossingId().equals(crossingId)) {
                result = shift(episode, result);
            }
        }
        return result;
    }

    private static Instant shift(CongestionEpisode closure, Instant primary) {
        if (closure.kind() != CongestionEpisode.Kind.CLOSURE) {
            return primary;
        }
        Instant reopen = closure.end();
        Duration length = closure.duration();
        if (closure.covers(primary)) {
            return reopen.plus(Duration.between(closure.start(), primary).dividedBy(2));
        }
        if (!primary.isBefore(reopen) && primary.isBefore(reopen.plus(length))) {
            return reopen.plus(length.dividedBy(2)).plus(Duration.between(reopen, primary).dividedBy(2));
        }
        return primary;
    }

    private List<CongestionEpisode> episodesAt(String crossingId, Instant at) {
        List<CongestionEpisode> result = new ArrayList<>();
        for (CongestionEpisode episode : plannedUntil(at.plusSeconds(1))) {
            if (episode.crossingId().equals(crossingId) && episode.covers(at)) {
                result.add(episode);
            }
        }
        return result;
    }

    private Instant cycleStart(int cycle) {
        return start.plus(plan.every().multipliedBy(cycle));
    }

    private void planCycle(int cycle) {
        Random random = new Random(seed * 1_000_003L + cycle);
        Instant cycleStart = cycleStart(cycle);
        Instant slowdownStart = cycleStart.plus(plan.slowdownAfter());
        Crossing slowed = pick(random, slowdownStart, null);
        if (slowed != null) {
            double typicalWait = times.typicalWaitMinutes(slowed, Direction.NORTHBOUND, LaneType.STANDARD);
            planned.add(new CongestionEpisode(CongestionEpisode.Kind.SLOWDOWN, slowed.id(), slowdownStart,
                    slowdownStart.plus(plan.duration()), Math.max(2.5, SLOWDOWN_PEAK_WAIT_MINUTES / typicalWait)));
        }
        Instant closureStart = cycleStart.plus(plan.closureAfter());
        Crossing closed = pick(random, closureStart, slowed);
        if (closed != null) {
            planned.add(new CongestionEpisode(CongestionEpisode.Kind.CLOSURE, closed.id(), closureStart,
                    closureStart.plus(plan.duration()), 0));
        }
    }

    private Crossing pick(Random random, Instant at, Crossing except) {
        List<Crossing> candidates = majorCrossings.stream()
                .filter(c -> c != except)
                .filter(c -> profile.isOpen(c, at) && profile.isOpen(c, at.plus(plan.duration())))
                .toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }
}
