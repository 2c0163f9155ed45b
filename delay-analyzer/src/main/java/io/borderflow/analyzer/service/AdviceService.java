package io.borderflow.analyzer.service;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.analyzer.domain.advice.AdviceRanking;
import io.borderflow.analyzer.domain.advice.AdviceRequest;
import io.borderflow.analyzer.domain.advice.CrossingConditions;
import io.borderflow.analyzer.domain.advice.RankedCrossing;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.CrossingCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Advice from what this instance knows: the live statistics and CBP's readings from its boards, the profiles from
 * the persisted bins; the ranking itself is {@link AdviceRanking}.
 */
@ApplicationScoped
public class AdviceService {

    private final CrossingCatalog catalog;
    private final CrossingDelayBoard measured;
    private final ReportedWaitBoard reported;
    private final DelayTrendService trends;
    private final AdviceRanking ranking;
    private final AnalyzerConfig config;
    private final Clock clock;

    AdviceService(CrossingCatalog catalog, CrossingDelayBoard measured, ReportedWaitBoard reported,
            DelayTrendService trends, AdviceRanking ranking, AnalyzerConfig config, Clock clock) {
        this.catalog = catalog;
        this.measured = measured;
        this.reported = reported;
        this.trends = trends;
        this.ranking = ranking;
        this.config = config;
        this.clock = clock;
    }

    /** Every crossing of the catalog, ranked; {@code now} is when the advice was computed. */
    public record Advice(Instant now, List<RankedCrossing> crossings) {
    }

    public Uni<Advice> advise(AdviceRequest request) {
        return trends.profiles(request.direction(), request.laneType(), catalog).map(profiles -> {
            Instant now = clock.instant();
            return new Advice(now, ranking.rank(request, now, catalog.all(), crossing -> {
                SeriesKey series = new SeriesKey(crossing.id(), request.direction(), request.laneType());
                return new CrossingConditions(measured.of(series).orElse(null),
                        profiles.getOrDefault(crossing.id(), List.of()),
                        reported.of(series).map(r -> ReportedWait.of(r, now, config.reportedStaleAfter())).orElse(null));
            }));
        });
    }
}
