package io.borderflow.analyzer.service;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.analyzer.domain.advice.AdviceRanking;
import io.borderflow.analyzer.domain.advice.AdviceRequest;
import io.borderflow.analyzer.domain.advice.CrossingConditions;
import io.borderflow.analyzer.domain.advice.DriveTimeEstimate;
import io.borderflow.analyzer.domain.advice.RankedCrossing;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.ShipmentEvent;
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
    private final DriveTimeEstimate drive;
    private final AnalyzerConfig config;
    private final Clock clock;

    AdviceService(CrossingCatalog catalog, CrossingDelayBoard measured, ReportedWaitBoard reported,
            DelayTrendService trends, AdviceRanking ranking, DriveTimeEstimate drive, AnalyzerConfig config,
            Clock clock) {
        this.drive = drive;
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

    /**
     * A shipment's request: its direction and lane type; leaving at {@code departAt}, else in time to reach its
     * planned crossing at its planned arrival, and never before now.
     */
    public AdviceRequest forShipment(ShipmentEvent shipment, GeoPoint from, GeoPoint to, Instant departAt) {
        Instant departure = departAt;
        if (departure == null) {
            Instant now = clock.instant();
            Instant inTime = catalog.byId(shipment.crossingId())
                    .map(c -> shipment.plannedArrival().minusMillis(Math.round(drive.between(from, c.location())
                            .minutes() * 60_000)))
                    .orElse(now);
            departure = inTime.isBefore(now) ? now : inTime;
        }
        return new AdviceRequest(from, to, shipment.direction(), shipment.laneType(), departure);
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
