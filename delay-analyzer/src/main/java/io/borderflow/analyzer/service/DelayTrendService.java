package io.borderflow.analyzer.service;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.analyzer.repository.DelayBin;
import io.borderflow.analyzer.repository.DelayBinRepository;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.Crossing;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Trends from the persisted 5-minute bins: history at a chosen step, and the hour-of-week profile. */
@ApplicationScoped
public class DelayTrendService {

    private static final Logger LOG = Logger.getLogger(DelayTrendService.class);

    /** One series' bins, in time order. */
    public record SeriesBins(Direction direction, LaneType laneType, List<DelayBin> bins) {
    }

    /** One series' hour-of-week profile. */
    public record SeriesProfile(Direction direction, LaneType laneType, List<HourOfWeekProfile.Hour> hours) {
    }

    private final DelayBinRepository repository;
    private final AnalyzerConfig config;
    private final Clock clock;

    DelayTrendService(DelayBinRepository repository, AnalyzerConfig config, Clock clock) {
        this.repository = repository;
        this.config = config;
        this.clock = clock;
    }

    /**
     * For each step interval [t, t + step) of [from, to), the latest bin in it: the statistics as they
     * stood at the end of that interval. Steps align to multiples of the step since the epoch.
     */
    public Uni<List<SeriesBins>> history(Crossing crossing, Instant from, Instant to, Duration step) {
        long stepMillis = step.toMillis();
        return repository.ofCrossing(crossing.id(), from, to).map(bins -> {
            Map<SeriesKey, Map<Long, DelayBin>> bySeries = new LinkedHashMap<>();
            for (DelayBin bin : bins) {
                long stepStart = Math.floorDiv(bin.id().binStart().toEpochMilli(), stepMillis) * stepMillis;
                bySeries.computeIfAbsent(seriesOf(bin), s -> new LinkedHashMap<>()).put(stepStart, bin);
            }
            List<SeriesBins> series = new ArrayList<>();
            bySeries.forEach((key, steps) -> series.add(
                    new SeriesBins(key.direction(), key.laneType(), List.copyOf(steps.values()))));
            return series;
        });
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

    /** History is kept for history-retention (30 days by default). */
    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    Uni<Void> forgetOldBins() {
        return repository.deleteOlderThan(clock.instant().minus(config.historyRetention()))
                .invoke(deleted -> LOG.debugf("deleted %d history bins past retention", deleted))
                .replaceWithVoid();
    }

    private static SeriesKey seriesOf(DelayBin bin) {
        return new SeriesKey(bin.id().crossingId(), Direction.valueOf(bin.id().direction()),
                LaneType.valueOf(bin.id().laneType()));
    }
}
