package io.borderflow.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    private static final CrossingCatalog CATALOG = CrossingCatalog.load();
    private static final TrafficProfile PROFILE = TrafficProfile.load(CATALOG, false);
    /** A Monday in July: Chicago and Denver on daylight time, Phoenix not. */
    private static final Instant MONDAY = Instant.parse("2026-07-06T00:00:00Z");

    private static TrafficSettings quiet(long seed) {
        return TrafficSettings.defaults(seed, "T").withEpisodes(TrafficSettings.EpisodePlan.NONE)
                .withImperfections(Imperfections.NONE);
    }

    private static Crossing crossing(String id) {
        return CATALOG.byId(id).orElseThrow();
    }

    @Test
    void theSameSeedGivesTheSameJourneysHoweverTimeIsAdvanced() {
        TrafficGenerator inOneGo = new TrafficGenerator(CATALOG, PROFILE, TrafficSettings.defaults(7, "T"), MONDAY);
        TrafficGenerator inSteps = new TrafficGenerator(CATALOG, PROFILE, TrafficSettings.defaults(7, "T"), MONDAY);
        TrafficGenerator otherSeed = new TrafficGenerator(CATALOG, PROFILE, TrafficSettings.defaults(8, "T"), MONDAY);
        Instant end = MONDAY.plus(Duration.ofHours(20));

        List<Journey> expected = inOneGo.advanceTo(end);
        List<Journey> stepped = new ArrayList<>();
        for (Instant t = MONDAY; t.isBefore(end); t = t.plus(Duration.ofMinutes(17)).plusSeconds(13)) {
            stepped.addAll(inSteps.advanceTo(t));
        }
        stepped.addAll(inSteps.advanceTo(end));

        assertThat(expected).hasSizeGreaterThan(5_000);
        assertThat(stepped).isEqualTo(expected);
        assertThat(otherSeed.advanceTo(end)).isNotEqualTo(expected);
    }

    @Test
    void northboundVolumesAreProportionalToTheCatalogsAnnualTrucks() {
        TrafficGenerator generator = new TrafficGenerator(CATALOG, PROFILE, quiet(1), MONDAY);
        Map<String, Integer> northbound = new HashMap<>();
        Map<String, Integer> southbound = new HashMap<>();
        for (Journey journey : generator.advanceTo(MONDAY.plus(Duration.ofDays(7)))) {
            (journey.shipment().direction() == Direction.NORTHBOUND ? northbound : southbound)
                    .merge(journey.shipment().crossingId(), 1, Integer::sum);
            // FAST is a US import programme: simulated southbound trucks never use it (the browser test's own
            // series are southbound FAST so that simulated traffic beside it never touches them)
            if (journey.shipment().direction() == Direction.SOUTHBOUND) {
                assertThat(journey.shipment().laneType()).isEqualTo(LaneType.STANDARD);
            }
        }
        long annualTotal = CATALOG.all().stream().mapToLong(Crossing::northboundTrucksPerYear).sum();
        int weekTotal = northbound.values().stream().mapToInt(Integer::intValue).sum();
        // July's BTS factor is 0.970: a July week carries 7/365.24 of the year times that
        assertThat((double) weekTotal).isCloseTo(annualTotal * 7 / 365.2425 * 0.970, withinPercent(3));
        for (Crossing crossing : CATALOG.all()) {
            if (crossing.northboundTrucksPerYear() >= 150_000) {
                double expectedShare = (double) crossing.northboundTrucksPerYear() / annualTotal;
                double share = (double) northbound.get(crossing.id()) / weekTotal;
                assertThat(share).as(crossing.id()).isCloseTo(expectedShare, withinPercent(6));
            }
        }
        int southboundTotal = southbound.values().stream().mapToInt(Integer::intValue).sum();
        assertThat((double) southboundTotal / weekTotal).isCloseTo(0.3, withinPercent(5));
    }

    @Test
    void arrivalsFollowEachCrossingsCommercialHoursInItsOwnTimeZone() {
        TrafficGenerator generator = new TrafficGenerator(CATALOG, PROFILE, quiet(2), MONDAY);
        List<Journey> week = generator.advanceTo(MONDAY.plus(Duration.ofDays(7)));
        for (Journey journey : week) {
            Crossing crossing = crossing(journey.shipment().crossingId());
            ZonedDateTime local = journey.queueEnteredAt().atZone(crossing.zone());
            assertThat(PROFILE.hours(crossing.id()).isOpen(local.getDayOfWeek(), local.getHour()))
                    .as("%s at %s local", crossing.id(), local).isTrue();
        }
        // Laredo (CDT, UTC-5) opens at 07:00 = 12:00 UTC; Nogales (MST all year, UTC-7) at 06:00 = 13:00 UTC
        Instant tuesdayNoonUtc = MONDAY.plus(Duration.ofDays(1)).plus(Duration.ofHours(12));
        assertThat(arrivalsBetween(week, "laredo-world-trade-bridge", tuesdayNoonUtc, Duration.ofHours(1))).isPositive();
        assertThat(arrivalsBetween(week, "nogales-mariposa", tuesdayNoonUtc, Duration.ofHours(1))).isZero();
        assertThat(arrivalsBetween(week, "nogales-mariposa", tuesdayNoonUtc.plus(Duration.ofHours(1)),
                Duration.ofHours(1))).isPositive();
        // the busiest local hours are the same at both ends of the border, whatever their UTC offset
        assertThat(busiestLocalHour(week, "laredo-world-trade-bridge")).isBetween(9, 16);
        assertThat(busiestLocalHour(week, "otay-mesa")).isBetween(9, 16);
    }

    @Test
    void crossingTimesAreAroundFhwasPublishedFigures() {
        List<Journey> week = new TrafficGenerator(CATALOG, PROFILE, quiet(3), MONDAY)
                .advanceTo(MONDAY.plus(Duration.ofDays(7)));
        for (String id : List.of("laredo-world-trade-bridge", "pharr-reynosa", "el-paso-bota")) {
            List<Double> minutes = week.stream()
                    .filter(j -> j.shipment().crossingId().equals(id))
                    .filter(j -> j.shipment().direction() == Direction.NORTHBOUND)
                    .filter(j -> j.shipment().laneType() == LaneType.STANDARD)
                    .map(Journey::crossingTime).map(d -> d.toSeconds() / 60.0).sorted().toList();
            double mean = minutes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double p95 = minutes.get((int) Math.ceil(0.95 * minutes.size()) - 1);
            assertThat(mean).as("%s mean crossing minutes", id).isBetween(35.0, 73.0);
            assertThat(p95 / mean).as("%s p95 / mean", id).isBetween(1.3, 2.6);
        }
    }

    @Test
    void stalledTrucksStopReportingBeforeThePortExitAtTheConfiguredRate() {
        TrafficSettings settings = quiet(4).withImperfections(new Imperfections(0, 0, 0, 0.05));
        List<Journey> journeys = new TrafficGenerator(CATALOG, PROFILE, settings, MONDAY)
                .advanceTo(MONDAY.plus(Duration.ofDays(2)));
        long stalled = journeys.stream().filter(Journey::stalled).count();
        assertThat((double) stalled / journeys.size()).isCloseTo(0.05, withinPercent(10));
        assertThat(journeys).filteredOn(Journey::stalled)
                .allSatisfy(j -> assertThat(j.at(CheckpointType.PORT_EXITED)).isNull());
        assertThat(journeys).filteredOn(j -> !j.stalled())
                .allSatisfy(j -> assertThat(j.at(CheckpointType.PORT_EXITED)).isNotNull());
    }

    @Test
    void aClosureHoldsEveryTruckUntilItReopensAndASlowdownLengthensWaits() {
        TrafficSettings settings = TrafficSettings.defaults(5, "T").withImperfections(Imperfections.NONE);
        TrafficGenerator generator = new TrafficGenerator(CATALOG, PROFILE, settings, MONDAY.plus(Duration.ofHours(15)));
        List<Journey> journeys = generator.advanceTo(MONDAY.plus(Duration.ofHours(21)));
        List<CongestionEpisode> episodes = generator.episodes().plannedUntil(MONDAY.plus(Duration.ofHours(21)));
        CongestionEpisode closure = episodes.stream().filter(e -> e.kind() == CongestionEpisode.Kind.CLOSURE)
                .findFirst().orElseThrow();
        CongestionEpisode slowdown = episodes.stream().filter(e -> e.kind() == CongestionEpisode.Kind.SLOWDOWN)
                .findFirst().orElseThrow();
        assertThat(closure.crossingId()).isNotEqualTo(slowdown.crossingId());

        List<Journey> closedNorthbound = journeys.stream()
                .filter(j -> j.shipment().crossingId().equals(closure.crossingId()))
                .filter(j -> j.shipment().direction() == Direction.NORTHBOUND).toList();
        assertThat(closedNorthbound).isNotEmpty()
                .allSatisfy(j -> assertThat(closure.covers(j.at(CheckpointType.PRIMARY_INSPECTION))).isFalse());
        assertThat(closedNorthbound).filteredOn(j -> closure.covers(j.queueEnteredAt()))
                .isNotEmpty()
                .allSatisfy(j -> assertThat(j.at(CheckpointType.PRIMARY_INSPECTION)).isAfterOrEqualTo(closure.end()));

        Instant peak = slowdown.start().plus(slowdown.duration().dividedBy(2));
        double slowedWait = medianWaitMinutes(journeys, slowdown.crossingId(), peak.minus(Duration.ofMinutes(15)), peak);
        assertThat(slowedWait).as("median wait at the slowdown's peak").isGreaterThan(90);
    }

    private static double medianWaitMinutes(List<Journey> journeys, String crossingId, Instant from, Instant to) {
        List<Double> waits = journeys.stream()
                .filter(j -> j.shipment().crossingId().equals(crossingId))
                .filter(j -> j.shipment().direction() == Direction.NORTHBOUND)
                .filter(j -> j.shipment().laneType() == LaneType.STANDARD)
                .filter(j -> !j.queueEnteredAt().isBefore(from) && j.queueEnteredAt().isBefore(to))
                .map(j -> j.waitTime().toSeconds() / 60.0).sorted().toList();
        return waits.get(waits.size() / 2);
    }

    private static long arrivalsBetween(List<Journey> journeys, String crossingId, Instant from, Duration length) {
        return journeys.stream().filter(j -> j.shipment().crossingId().equals(crossingId))
                .filter(j -> !j.queueEnteredAt().isBefore(from) && j.queueEnteredAt().isBefore(from.plus(length)))
                .count();
    }

    private static int busiestLocalHour(List<Journey> journeys, String crossingId) {
        int[] byHour = new int[24];
        Crossing crossing = crossing(crossingId);
        journeys.stream().filter(j -> j.shipment().crossingId().equals(crossingId))
                .forEach(j -> byHour[j.queueEnteredAt().atZone(crossing.zone()).getHour()]++);
        int busiest = 0;
        for (int h = 1; h < 24; h++) {
            if (byHour[h] > byHour[busiest]) {
                busiest = h;
            }
        }
        return busiest;
    }

    private static Percentage withinPercent(double percent) {
        return Percentage.withPercentage(percent);
    }
}
