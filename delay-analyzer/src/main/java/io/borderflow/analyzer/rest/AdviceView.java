package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.domain.advice.AdviceRequest;
import io.borderflow.analyzer.domain.advice.Confidence;
import io.borderflow.analyzer.domain.advice.DriveTimeEstimate;
import io.borderflow.analyzer.domain.advice.RankedCrossing;
import io.borderflow.analyzer.domain.advice.WaitSource;
import io.borderflow.analyzer.service.AdviceService;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import java.time.Instant;
import java.util.List;

/** Advice as the API shows it: every crossing, best first, with each part of its total and where it came from. */
public record AdviceView(GeoPoint from, GeoPoint to, Direction direction, LaneType laneType, Instant departAt,
        Instant asOf, String shipmentId, String plannedCrossingId, List<Item> crossings) {

    /**
     * One crossing. {@code rank} and {@code totalMinutes} are null when the crossing is excluded or its wait is
     * unknown; {@code arrivalAtDestination} is departAt + total.
     */
    public record Item(Integer rank, String crossingId, String name, String timeZone, String commercialHours,
            boolean fastLanes, RankedCrossing.Exclusion excludedBecause, List<RankedCrossing.Flag> flags,
            Double totalMinutes, Instant arrivalAt, Instant queueJoinAt, Instant arrivalAtDestination, Parts parts) {
    }

    public record Parts(Drive driveToCrossing, Minutes waitForOpening, Wait expectedWait, Sourced crossingTime,
            Drive driveToDestination) {
    }

    public record Drive(double minutes, double distanceKm, String source) {

        static Drive of(DriveTimeEstimate.Drive drive) {
            return new Drive(drive.minutes(), drive.distanceKm(), drive.method());
        }
    }

    public record Minutes(double minutes) {
    }

    /** Crossing time beyond the wait (primary inspection → port exit), and where it came from. */
    public record Sourced(double minutes, WaitSource source) {
    }

    public record Wait(Double minutes, WaitSource source, double liveWeight, int liveSamples, int profileSamples,
            Confidence confidence) {
    }

    /** {@code shipmentId} and its {@code plannedCrossingId} are null for advice that is not a shipment's. */
    static AdviceView of(AdviceRequest request, String shipmentId, String plannedCrossingId,
            AdviceService.Advice advice) {
        return new AdviceView(request.from(), request.to(), request.direction(), request.laneType(),
                request.departAt(), advice.now(), shipmentId, plannedCrossingId,
                advice.crossings().stream().map(r -> item(request, r)).toList());
    }

    private static Item item(AdviceRequest request, RankedCrossing r) {
        var wait = r.expectedWait();
        return new Item(r.rank(), r.crossing().id(), r.crossing().name(), r.crossing().zone().getId(),
                r.crossing().commercialHours().toString(), r.crossing().fastLanes(), r.excludedBecause(), r.flags(),
                r.totalMinutes(), r.arrivalAt(), r.queueJoinAt(),
                r.totalMinutes() == null ? null : request.departAt().plusMillis(Math.round(r.totalMinutes() * 60_000)),
                new Parts(Drive.of(r.driveToCrossing()), new Minutes(r.waitForOpeningMinutes()),
                        new Wait(wait.minutes(), wait.source(), wait.liveWeight(), wait.liveSamples(),
                                wait.profileSamples(), wait.confidence()),
                        new Sourced(r.crossingTimeMinutes(), r.crossingTimeSource()),
                        Drive.of(r.driveToDestination())));
    }
}
