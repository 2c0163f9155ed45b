package io.borderflow.analyzer.service;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.analyzer.repository.DelayBin;
import io.borderflow.analyzer.repository.DelayBinRepository;
import io.borderflow.analyzer.repository.ReportedWaitRepository;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Trends from the persisted 5-minute bins: history at a chosen step, and the hour-of-week profile. */
@ApplicationScoped
public class DelayTrendService {

    private static final Logger LOG = Logger.getLogger(DelayTrendService.class);

    /** One series' history, in time order. */
    public record SeriesBins(Direction direction, LaneType laneType, List<Step> steps) {
    }

    /**
     * One step: the latest bin in it (null when only CBP reported then) and CBP's reported wait in effect at its
     * end (null when none, none with a number, or stale).
     */
    public record Step(Instant start, DelayBin bin, Integer reportedWaitMinutes) {
    }

    /** One series' hour-of-week profile. */
    public record SeriesProfile(Direction direction, LaneType laneType, List<HourOfWeekProfile.Hour> hours) {
    }

    /** As the bins come from the database: by direction, then lane type, by name. */
    private static final Comparator<SeriesKey> SERIES_ORDER = Comparator.comparing((SeriesKey k) -> k.direction().name())
            .thenComparing(k -> k.laneType().name());

    private final DelayBinRepository repository;
    private final ReportedWaitRepository reported;
    private final AnalyzerConfig config;
    private final Clock clock;

    DelayTrendService(DelayBinRepository repository, ReportedWaitRepository reported, AnalyzerConfig config,
            Clock clock) {
        this.repository = repository;
        this.reported = reported;
        this.config = config;
        this.clock = clock;
    }

    /**
     * For each step interval [t, t + step) of [from, to), the latest bin in it: the statistics as they
     * stood at the end of that interval, with CBP's reported wait in effect then. Steps align to multiples of the
     * step since the epoch; a step without a bin appears when CBP reported in it.
     */
    public Uni<List<SeriesBins>> history(Crossing crossing, Instant from, Instant to, Duration step) {
        long stepMillis = step.toMillis();
        Duration reportedStaleAfter = config.reportedStaleAfter();
        // one after the other: the request's reactive session runs one query at a time
        return repository.ofCrossing(crossing.id(), from, to).chain(bins -> reported
                .ofCrossing(crossing.id(), from.minus(reportedStaleAfter), to).map(readings -> {
                    Map<SeriesKey, Map<Long, DelayBin>> bySeries = new TreeMap<>(SERIES_ORDER);
                    for (DelayBin bin : bins) {
                        bySeries.computeIfAbsent(seriesOf(bin), s -> new TreeMap<>())
                                .put(stepStart(bin.id().binStart(), stepMillis), bin);
                    }
                    readings.forEach((key, points) -> points.stream().filter(p -> !p.at().isBefore(from))
                            .forEach(p -> bySeries.computeIfAbsent(key, s -> new TreeMap<>())
                                    .putIfAbsent(stepStart(p.at(), stepMillis), null)));
                    List<SeriesBins> series = new ArrayList<>();
                    bySeries.forEach((key, steps) -> {
                        List<ReportedWait.Point> points = readings.getOrDefault(key, List.of());
                        List<Step> history = new ArrayList<>();
                        steps.forEach((start, bin) -> {
                            Instant end = Instant.ofEpochMilli(start + stepMillis);
                            history.add(new Step(Instant.ofEpochMilli(start), bin, ReportedWait.inEffectAt(points,
                                    end.isAfter(to) ? to : end, reportedStaleAfter)));
                        });
                        series.add(new SeriesBins(key.direction(), key.laneType(), history));
                    });
                    return series;
                }));
    }

    private static long stepStart(Instant at, long stepMillis) {
        return Math.floorDiv(at.toEpochMilli(), stepMillis) * stepMillis;
    }

    /** The hour-of-week profile over the retained history; stale bins do not describe the hour they fall in. */
    public Uni<List<SeriesProfile>> profile(Crossing crossing) {
        Instant now = clock.instant();
        return repository.ofCrossing(crossing.id(), now.minus(config.historyRetention()), now).map(bins -> {
            Map<SeriesKey, List<HourOfWeekProfile.Bin>> bySeries = new LinkedHashMap<>();
            for (DelayBin bin : bins) {
                if (!bin.stale()) {
                    bySeries.computeIfAbsent(seriesOf(bin), s -> new ArrayList<>()).add(new HourOfWeekProfile.Bin(
                            bin.id().binStart(), bin.waitP50Minutes(), bin.crossingP50Minutes()));
                }
            }
            List<SeriesProfile> profiles = new ArrayList<>();
            bySeries.forEach((key, seriesBins) -> profiles.add(new SeriesProfile(key.direction(), key.laneType(),
                    HourOfWeekProfile.of(crossing.zone(), seriesBins))));
            return profiles;
        });
    }

    /**
     * The hour-of-week profile of every crossing's series in one direction and lane type, by crossing id, in one
     * query: advice needs all of them at once.
     */
    public Uni<Map<String, List<HourOfWeekProfile.Hour>>> profiles(Direction direction, LaneType laneType,
            CrossingCatalog catalog) {
        Instant now = clock.instant();
        return repository.currentOfDirectionAndLane(direction.name(), laneType.name(),
                now.minus(config.historyRetention()), now).map(bins -> {
            Map<String, List<HourOfWeekProfile.Bin>> byCrossing = new LinkedHashMap<>();
            for (DelayBin bin : bins) {
                byCrossing.computeIfAbsent(bin.id().crossingId(), c -> new ArrayList<>()).add(new HourOfWeekProfile.Bin(
                        bin.id().binStart(), bin.waitP50Minutes(), bin.crossingP50Minutes()));
            }
            Map<String, List<HourOfWeekProfile.Hour>> profiles = new LinkedHashMap<>();
            byCrossing.forEach((id, crossingBins) -> catalog.byId(id).ifPresent(
                    crossing -> profiles.put(id, HourOfWeekProfile.of(crossing.zone(), crossingBins))));
            return profiles;
        });
    }

    /** History is kept for history-retention (30 days by default). */
    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    Uni<Void> forgetOldBins() {
        Instant cutoff = clock.instant().minus(config.historyRetention());
        return repository.deleteOlderThan(cutoff)
                .invoke(deleted -> LOG.debugf("deleted %d history bins past retention", deleted))
                .chain(() -> reported.deleteOlderThan(cutoff))
                .replaceWithVoid();
    }

    private static SeriesKey seriesOf(DelayBin bin) {
        return new SeriesKey(bin.id().crossingId(), Direction.valueOf(bin.id().direction()),
                LaneType.valueOf(bin.id().laneType()));
    }
}
