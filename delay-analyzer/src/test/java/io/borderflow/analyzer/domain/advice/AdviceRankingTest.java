package io.borderflow.analyzer.domain.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import io.borderflow.events.ReportedStatus;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ranking with a fixed clock: each rule of the advice as one test. */
class AdviceRankingTest {

    static final CrossingCatalog CATALOG = CrossingCatalog.load();
    /** Sabinas Hidalgo, N.L.: about 2½ h from the Laredo bridges, 5 h from Pharr. */
    static final GeoPoint SABINAS = new GeoPoint(26.5086, -100.1786);
    static final GeoPoint MONTERREY = new GeoPoint(25.6866, -100.3161);
    static final GeoPoint SAN_ANTONIO = new GeoPoint(29.4241, -98.4936);
    static final GeoPoint NUEVO_LAREDO = new GeoPoint(27.4763, -99.5164);
    static final String WTB = "laredo-world-trade-bridge";
    static final String COLOMBIA = "laredo-colombia-solidarity";
    static final String PHARR = "pharr-reynosa";
    /** Wednesday 10:00 in Laredo (CST): every crossing near it is open (Eagle Pass and Colombia from 08:00). */
    static final Instant NOW = Instant.parse("2026-11-25T16:00:00Z");
    static final Duration HORIZON = Duration.ofHours(4);

    private final AdviceRanking ranking = new AdviceRanking(GreatCircleDriveTime.withDefaults(), HORIZON, true);

    @Test
    void aMuchShorterWaitWinsWhenDistancesAreClose() {
        List<RankedCrossing> ranked = rank(request(SABINAS, SAN_ANTONIO, NOW),
                Map.of(WTB, live(WTB, 120.0, 25), COLOMBIA, live(COLOMBIA, 15.0, 25)));

        assertThat(ranked.get(0).crossing().id()).isEqualTo(COLOMBIA);
        assertThat(ranked.get(1).crossing().id()).isEqualTo(WTB);
        assertThat(ranked.get(0).rank()).isEqualTo(1);
        assertThat(Math.abs(ranked.get(0).driveToCrossing().minutes() - ranked.get(1).driveToCrossing().minutes()))
                .isLessThan(30);
        assertThat(ranked.get(0).expectedWait().source()).isEqualTo(WaitSource.LIVE);
        assertThat(ranked.get(0).expectedWait().confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void aMuchShorterDriveWinsWhenWaitsAreClose() {
        List<RankedCrossing> ranked = rank(request(SABINAS, SAN_ANTONIO, NOW),
                Map.of(WTB, allWeek(WTB, 30.0), PHARR, allWeek(PHARR, 25.0)));

        assertThat(ranked.get(0).crossing().id()).isEqualTo(WTB);
        assertThat(ranked.get(1).crossing().id()).isEqualTo(PHARR);
        assertThat(ranked.get(1).totalMinutes() - ranked.get(0).totalMinutes()).isGreaterThan(60);
    }

    @Test
    void theTotalIsTheSumOfItsParts() {
        RankedCrossing wtb = rank(request(SABINAS, SAN_ANTONIO, NOW), Map.of(WTB, live(WTB, 30.0, 10))).get(0);

        assertThat(wtb.totalMinutes()).isCloseTo(wtb.driveToCrossing().minutes() + wtb.waitForOpeningMinutes()
                + wtb.expectedWait().minutes() + wtb.crossingTimeMinutes() + wtb.driveToDestination().minutes(),
                within(1e-9));
        // crossing time beyond the wait: p50 crossing 45 − p50 wait 30
        assertThat(wtb.crossingTimeMinutes()).isEqualTo(15.0);
        assertThat(wtb.crossingTimeSource()).isEqualTo(WaitSource.LIVE);
        assertThat(wtb.arrivalAt()).isEqualTo(NOW.plusMillis(Math.round(wtb.driveToCrossing().minutes() * 60_000)));
    }

    @Test
    void aClosedCrossingIsExcluded() {
        Map<String, CrossingConditions> known = Map.of(WTB, live(WTB, 90.0, 25),
                COLOMBIA, new CrossingConditions(measured(COLOMBIA, 5.0, 25, false), List.of(),
                        reported(ReportedStatus.LANES_CLOSED, null)));

        List<RankedCrossing> ranked = rank(request(SABINAS, SAN_ANTONIO, NOW), known);

        RankedCrossing colombia = find(ranked, COLOMBIA);
        assertThat(colombia.excludedBecause()).isEqualTo(RankedCrossing.Exclusion.LANES_CLOSED);
        assertThat(colombia.rank()).isNull();
        assertThat(colombia.totalMinutes()).isNull();
        assertThat(ranked.get(0).crossing().id()).isEqualTo(WTB);
        assertThat(ranked.get(ranked.size() - 1).excludedBecause()).isNotNull();
    }

    @Test
    void fastOnlyWhereTheCrossingHasFastLanes() {
        Map<String, CrossingConditions> known = Map.of(WTB, live(WTB, 60.0, 25), "eagle-pass-camino-real",
                live("eagle-pass-camino-real", 1.0, 25));
        List<RankedCrossing> ranked = ranking.rank(new AdviceRequest(SABINAS, SAN_ANTONIO, Direction.NORTHBOUND,
                LaneType.FAST, NOW), NOW, CATALOG.all(), c -> known.getOrDefault(c.id(), CrossingConditions.UNKNOWN));

        assertThat(find(ranked, "eagle-pass-camino-real").excludedBecause())
                .isEqualTo(RankedCrossing.Exclusion.NO_FAST_LANES);
        assertThat(ranked.get(0).crossing().id()).isEqualTo(WTB);
    }

    @Test
    void aStaleSeriesIsFlaggedAndItsWaitNeverTakenAsCurrent() {
        List<RankedCrossing> ranked = rank(request(SABINAS, SAN_ANTONIO, NOW),
                Map.of(WTB, live(WTB, 60.0, 25), COLOMBIA,
                        new CrossingConditions(measured(COLOMBIA, null, 0, true), List.of(), null)));

        RankedCrossing colombia = find(ranked, COLOMBIA);
        assertThat(colombia.flags()).contains(RankedCrossing.Flag.MEASURED_STALE, RankedCrossing.Flag.NO_WAIT_DATA);
        assertThat(colombia.expectedWait().minutes()).isNull();
        assertThat(colombia.totalMinutes()).isNull();
        assertThat(colombia.rank()).isNull();
        // unknown crossings come after every ranked one, never as if their wait were 0
        assertThat(ranked.indexOf(colombia)).isGreaterThan(ranked.indexOf(find(ranked, WTB)));
    }

    @Test
    void cbpsReportedWaitInformsWhereNothingIsMeasuredLabelledAsSuch() {
        RankedCrossing colombia = find(rank(request(SABINAS, SAN_ANTONIO, NOW), Map.of(COLOMBIA,
                new CrossingConditions(null, List.of(), reported(ReportedStatus.DELAY, 40)))), COLOMBIA);

        assertThat(colombia.expectedWait().minutes()).isEqualTo(40.0);
        assertThat(colombia.expectedWait().source()).isEqualTo(WaitSource.CBP_REPORTED);
        assertThat(colombia.expectedWait().confidence()).isEqualTo(Confidence.LOW);
        assertThat(colombia.flags()).contains(RankedCrossing.Flag.CBP_REPORTED_WAIT);
        assertThat(colombia.crossingTimeSource()).isEqualTo(WaitSource.FREE_FLOW);
        assertThat(colombia.rank()).isEqualTo(1);
    }

    @Test
    void anArrivalAfterClosingTimeRollsToTheNextOpening() {
        // Wednesday 23:50 in Nuevo Laredo (CST): the World Trade Bridge (weekdays 7–24) closes before the truck
        // gets there, and opens again on Thursday at 07:00
        Instant departAt = Instant.parse("2026-11-26T05:50:00Z");
        RankedCrossing wtb = find(ranking.rank(request(NUEVO_LAREDO, SAN_ANTONIO, departAt), departAt, CATALOG.all(),
                c -> c.id().equals(WTB) ? allWeek(WTB, 20.0) : CrossingConditions.UNKNOWN), WTB);

        assertThat(wtb.arrivalAt()).isAfter(Instant.parse("2026-11-26T06:00:00Z"));
        assertThat(wtb.queueJoinAt()).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
        assertThat(wtb.flags()).contains(RankedCrossing.Flag.CLOSED_AT_ARRIVAL);
        assertThat(wtb.waitForOpeningMinutes())
                .isCloseTo(Duration.between(wtb.arrivalAt(), wtb.queueJoinAt()).toSeconds() / 60.0, within(0.02));
        assertThat(wtb.totalMinutes()).isGreaterThan(wtb.waitForOpeningMinutes());
        // seven hours after now the live wait no longer counts: the morning's profile does
        assertThat(wtb.expectedWait().source()).isEqualTo(WaitSource.PROFILE);

        // ten minutes earlier it is still open at arrival
        Instant earlier = departAt.minus(Duration.ofMinutes(20));
        RankedCrossing open = find(ranking.rank(request(NUEVO_LAREDO, SAN_ANTONIO, earlier), earlier, CATALOG.all(),
                c -> c.id().equals(WTB) ? allWeek(WTB, 20.0) : CrossingConditions.UNKNOWN), WTB);
        assertThat(open.flags()).doesNotContain(RankedCrossing.Flag.CLOSED_AT_ARRIVAL);
        assertThat(open.waitForOpeningMinutes()).isZero();
    }

    @Test
    void theOpeningHourIsLocalAcrossDst() {
        // Chicago springs forward on Sunday 2026-03-08: a truck at the bridge at 06:30 on a Monday waits for 07:00,
        // which is 13:00Z the Monday before and 12:00Z the Monday after
        Instant before = Instant.parse("2026-03-02T12:15:00Z");
        Instant after = Instant.parse("2026-03-09T11:15:00Z");
        RankedCrossing winter = find(ranking.rank(request(NUEVO_LAREDO, SAN_ANTONIO, before), before, CATALOG.all(),
                c -> CrossingConditions.UNKNOWN), WTB);
        RankedCrossing summer = find(ranking.rank(request(NUEVO_LAREDO, SAN_ANTONIO, after), after, CATALOG.all(),
                c -> CrossingConditions.UNKNOWN), WTB);

        assertThat(winter.queueJoinAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        assertThat(summer.queueJoinAt()).isEqualTo(Instant.parse("2026-03-09T12:00:00Z"));
    }

    @Test
    void theProfileTakesOverForFarArrivals() {
        // leaving Monterrey at 06:00 Thursday local: arrival ~ 10:00 local, 22 h after now
        Instant departAt = Instant.parse("2026-11-26T12:00:00Z");
        List<HourOfWeekProfile.Hour> profile = List.of(new HourOfWeekProfile.Hour(DayOfWeek.THURSDAY, 10, 20.0, 50.0, 40),
                new HourOfWeekProfile.Hour(DayOfWeek.THURSDAY, 9, 20.0, 50.0, 40));
        RankedCrossing wtb = find(rank(request(MONTERREY, SAN_ANTONIO, departAt),
                Map.of(WTB, new CrossingConditions(measured(WTB, 120.0, 25, false), profile, null))), WTB);

        assertThat(wtb.expectedWait().source()).isEqualTo(WaitSource.PROFILE);
        assertThat(wtb.expectedWait().minutes()).isEqualTo(20.0);
        assertThat(wtb.expectedWait().liveWeight()).isZero();
        assertThat(wtb.expectedWait().profileSamples()).isEqualTo(40);
        assertThat(wtb.crossingTimeMinutes()).isEqualTo(30.0);
        assertThat(wtb.crossingTimeSource()).isEqualTo(WaitSource.PROFILE);
    }

    private List<RankedCrossing> rank(AdviceRequest request, Map<String, CrossingConditions> known) {
        return ranking.rank(request, NOW, CATALOG.all(), c -> known.getOrDefault(c.id(), CrossingConditions.UNKNOWN));
    }

    static AdviceRequest request(GeoPoint from, GeoPoint to, Instant departAt) {
        return new AdviceRequest(from, to, Direction.NORTHBOUND, LaneType.STANDARD, departAt);
    }

    static RankedCrossing find(List<RankedCrossing> ranked, String id) {
        return ranked.stream().filter(r -> r.crossing().id().equals(id)).findFirst().orElseThrow();
    }

    /** The same wait live and at every hour of the week, so how far away the arrival is does not matter. */
    static CrossingConditions allWeek(String crossingId, double wait) {
        List<HourOfWeekProfile.Hour> hours = new java.util.ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int h = 0; h < 24; h++) {
                hours.add(new HourOfWeekProfile.Hour(day, h, wait, wait + 15, 40));
            }
        }
        return new CrossingConditions(measured(crossingId, wait, 25, false), hours, null);
    }

    static CrossingConditions live(String crossingId, Double liveWait, int samples) {
        return new CrossingConditions(measured(crossingId, liveWait, samples, false), List.of(), null);
    }

    /** Statistics with p50 wait = the live wait and p50 crossing 15 min longer. */
    static CrossingDelayUpdated measured(String crossingId, Double liveWait, int samples, boolean stale) {
        SampleStatistics wait = samples == 0 || liveWait == null ? SampleStatistics.EMPTY
                : new SampleStatistics(samples, liveWait, liveWait, liveWait, liveWait);
        SampleStatistics crossing = samples == 0 || liveWait == null ? SampleStatistics.EMPTY
                : new SampleStatistics(samples, liveWait + 15, liveWait + 15, liveWait + 15, liveWait + 15);
        return new CrossingDelayUpdated(UUID.randomUUID(), NOW, CrossingDelayUpdated.SCHEMA_VERSION, crossingId,
                Direction.NORTHBOUND, LaneType.STANDARD, 60, wait, crossing, 0, null, stale ? null : liveWait, 10.0,
                null, null, null, stale, NOW.minus(Duration.ofMinutes(stale ? 45 : 1)), null, null);
    }

    static ReportedWait reported(ReportedStatus status, Integer wait) {
        return new ReportedWait(wait, wait == null ? null : 3, status, true, NOW.minus(Duration.ofMinutes(20)), false);
    }

    static Crossing crossing(String id) {
        return CATALOG.byId(id).orElseThrow();
    }
}
