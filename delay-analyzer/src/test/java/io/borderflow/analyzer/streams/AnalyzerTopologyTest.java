package io.borderflow.analyzer.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.analyzer.domain.DelayRules;
import io.borderflow.analyzer.domain.Publication;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CrossingDelayUpdated;
import io.borderflow.events.DeadLetterHeaders;
import io.borderflow.events.Direction;
import io.borderflow.events.JourneyStatus;
import io.borderflow.events.LaneType;
import io.borderflow.events.ReportedStatus;
import io.borderflow.events.SampleStatistics;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.ShipmentDelayUpdated;
import io.borderflow.events.catalog.CrossingCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One test per rule of the measures, on the real topology with a clock the test moves. */
class AnalyzerTopologyTest {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");
    static final Checkpoints STANDARD = Checkpoints.laredoNorthboundStandard();
    static final Checkpoints FAST = Checkpoints.at(Checkpoints.CROSSING, Direction.NORTHBOUND, LaneType.FAST);
    static final SeriesKey STANDARD_SERIES = new SeriesKey(Checkpoints.CROSSING, Direction.NORTHBOUND, LaneType.STANDARD);
    static final SeriesKey FAST_SERIES = new SeriesKey(Checkpoints.CROSSING, Direction.NORTHBOUND, LaneType.FAST);
    static final DelayRules RULES = DelayRules.DEFAULTS;
    // punctuations every second so tests can step exactly onto a boundary
    static final AnalyzerSettings SETTINGS = new AnalyzerSettings(RULES, Publication.DEFAULTS, Duration.ofSeconds(1),
            Duration.ofHours(24), Duration.parse(ReportedWait.DEFAULT_STALE_AFTER), CrossingCatalog.load());

    AnalyzerDriver driver = new AnalyzerDriver(T0, SETTINGS);

    @AfterEach
    void close() {
        driver.close();
    }

    /** A complete journey whose wait and crossing times are as given and that exits at {@code exit}. */
    static List<CheckpointRecorded> journey(Checkpoints at, String id, Instant exit, double waitMinutes, double crossingMinutes) {
        Instant queued = exit.minusMillis((long) (crossingMinutes * 60_000));
        return List.of(at.queued(id, queued), at.primary(id, queued.plusMillis((long) (waitMinutes * 60_000))),
                at.exited(id, exit));
    }

    SampleStatistics crossingTimesOf(double... minutes) {
        for (int i = 0; i < minutes.length; i++) {
            // exits spread over the last minutes, all inside the window ending now
            journey(STANDARD, "S" + i, T0.minusSeconds(i), 1, minutes[i]).forEach(driver::send);
        }
        driver.advance(Duration.ofSeconds(1));
        return driver.latest(STANDARD_SERIES).crossingTime();
    }

    @Test
    void nearestRankOfOneSample() {
        assertThat(crossingTimesOf(42)).isEqualTo(new SampleStatistics(1, 42.0, 42.0, 42.0, 42.0));
    }

    @Test
    void nearestRankOfTwoSamples() {
        assertThat(crossingTimesOf(30, 10)).isEqualTo(new SampleStatistics(2, 20.0, 10.0, 30.0, 30.0));
    }

    @Test
    void nearestRankOfTwentySamples() {
        double[] shuffled = {7, 19, 3, 12, 1, 20, 15, 9, 4, 17, 11, 2, 18, 6, 14, 8, 16, 5, 13, 10};
        assertThat(crossingTimesOf(shuffled)).isEqualTo(new SampleStatistics(20, 10.5, 10.0, 17.0, 19.0));
    }

    @Test
    void nearestRankWithTies() {
        assertThat(crossingTimesOf(5, 9, 5, 5)).isEqualTo(new SampleStatistics(4, 6.0, 5.0, 9.0, 9.0));
    }

    @Test
    void cbpsCurrentReadingIsPublishedBesideTheStatisticsWithTheDifference() {
        driver.report(BorderWaitReported.of(T0.minusSeconds(600), STANDARD_SERIES, "230404", ReportedStatus.DELAY, 45,
                6, 19, true, T0.minusSeconds(600)));
        driver.send(STANDARD.queued("Q1", T0.minus(Duration.ofMinutes(20))));
        driver.advance(Duration.ofSeconds(1));

        CrossingDelayUpdated published = driver.latest(STANDARD_SERIES);
        assertThat(published.liveWaitMinutes()).isGreaterThanOrEqualTo(20.0);
        assertThat(published.reportedWaitMinutes()).isEqualTo(45);
        assertThat(published.reportedMinusMeasuredMinutes()).isEqualTo(45 - published.liveWaitMinutes());

        // another series has no reading; a reading older than reported-stale-after is not published beside it
        driver.send(FAST.queued("Q2", T0));
        driver.report(BorderWaitReported.of(T0.minus(Duration.ofHours(4)), FAST_SERIES, "230404",
                ReportedStatus.DELAY, 10, 2, 19, true, T0.minus(Duration.ofHours(4))));
        driver.advance(Publication.DEFAULTS.heartbeat());
        assertThat(driver.latest(FAST_SERIES).reportedWaitMinutes()).isNull();
        assertThat(driver.latest(FAST_SERIES).reportedMinusMeasuredMinutes()).isNull();
        assertThat(driver.latest(STANDARD_SERIES).reportedWaitMinutes()).isEqualTo(45);
    }

    /** Rules on CBP's number (alert-service's reported_wait_minutes) need it on the topic where no truck measured yet. */
    @Test
    void aSeriesOnlyCbpReportsIsPublishedWithEmptyMeasuresAndTheReading() {
        driver.report(BorderWaitReported.of(T0.minusSeconds(600), STANDARD_SERIES, "230404", ReportedStatus.DELAY, 45,
                6, 19, true, T0.minusSeconds(600)));

        CrossingDelayUpdated reportedOnly = driver.latest(STANDARD_SERIES);
        assertThat(reportedOnly.measured()).isFalse();
        assertThat(reportedOnly.lastCheckpointAt()).isNull();
        assertThat(reportedOnly.stale()).isFalse(); // nothing measured is not "measurements stopped"
        assertThat(reportedOnly.liveWaitMinutes()).isNull();
        assertThat(reportedOnly.waitTime()).isEqualTo(SampleStatistics.EMPTY);
        assertThat(reportedOnly.reportedWaitMinutes()).isEqualTo(45);
        assertThat(reportedOnly.reportedMinusMeasuredMinutes()).isNull();

        // a new reading is published as soon as the min-interval allows; the same reading again changes nothing
        driver.advance(Duration.ofSeconds(1)).published().clear();
        driver.report(BorderWaitReported.of(T0.plusSeconds(1), STANDARD_SERIES, "230404", ReportedStatus.DELAY, 60,
                6, 19, true, T0.plusSeconds(1)));
        assertThat(driver.latest(STANDARD_SERIES).reportedWaitMinutes()).isEqualTo(60);
        driver.published().clear();
        driver.advance(Duration.ofSeconds(5));
        assertThat(driver.published()).isEmpty();

        // a replayed older reading does not move the series back (nor is it published)
        driver.report(BorderWaitReported.of(T0.minusSeconds(600), STANDARD_SERIES, "230404", ReportedStatus.DELAY, 45,
                6, 19, true, T0.minusSeconds(600)));
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.published()).isEmpty();

        // the first truck makes it a measured series, with the reading still beside it
        driver.send(STANDARD.queued("Q1", driver.clock.instant().minus(Duration.ofMinutes(20))));
        driver.advance(Duration.ofSeconds(1));
        CrossingDelayUpdated measured = driver.latest(STANDARD_SERIES);
        assertThat(measured.measured()).isTrue();
        assertThat(measured.reportedWaitMinutes()).isEqualTo(60);
        assertThat(measured.reportedMinusMeasuredMinutes()).isEqualTo(60 - measured.liveWaitMinutes());

        // once the reading is older than reported-stale-after, it is published without the number
        driver.advanceTo(T0.plus(Duration.parse(ReportedWait.DEFAULT_STALE_AFTER)).plusSeconds(2));
        assertThat(driver.latest(STANDARD_SERIES).reportedWaitMinutes()).isNull();
    }

    @Test
    void aSampleCompletingExactlyAtNowMinusWindowIsOutAndAtNowIsIn() {
        journey(STANDARD, "OUT", T0.minus(RULES.window()), 10, 30).forEach(driver::send);
        journey(STANDARD, "IN", T0, 20, 40).forEach(driver::send);
        driver.advance(Duration.ofSeconds(1)).published().clear();

        // and the window slides with the wall clock: at exactly T0 + W the sample at T0 leaves it
        driver.advanceTo(T0.plus(RULES.window()).minusSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).crossingTime().count()).isEqualTo(1);
        assertThat(driver.latest(STANDARD_SERIES).crossingTime().meanMinutes()).isEqualTo(40.0);
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).crossingTime()).isEqualTo(SampleStatistics.EMPTY);
    }

    @Test
    void theFirstPublicationCountsOnlyTheSampleAtNow() {
        journey(STANDARD, "OUT", T0.minus(RULES.window()), 10, 30).forEach(driver::send);
        journey(STANDARD, "IN", T0, 20, 40).forEach(driver::send);
        driver.advance(Duration.ofSeconds(1));
        CrossingDelayUpdated first = driver.published().get(0);
        assertThat(first.occurredAt()).isEqualTo(T0);
        assertThat(first.crossingTime().count()).isZero(); // OUT alone was sent when the first publication happened
        SampleStatistics crossing = driver.latest(STANDARD_SERIES).crossingTime();
        assertThat(crossing.count()).isEqualTo(1);
        assertThat(crossing.p50Minutes()).isEqualTo(40.0);
    }

    @Test
    void outOfOrderArrivalGivesTheSameStatisticsAsInOrder() {
        List<CheckpointRecorded> events = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> events.addAll(
                journey(STANDARD, "S" + i, T0.minusSeconds(240L * i), 5 + i, 20 + 3 * i)));
        events.add(STANDARD.queued("Q1", T0.minusSeconds(1500)));
        events.add(STANDARD.queued("Q2", T0.minusSeconds(600)));

        driver.send(events.toArray(CheckpointRecorded[]::new)).advance(Duration.ofSeconds(1));
        CrossingDelayUpdated inOrder = driver.latest(STANDARD_SERIES);

        List<CheckpointRecorded> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(7));
        Collections.reverse(shuffled.subList(0, 10));
        try (AnalyzerDriver other = new AnalyzerDriver(T0, SETTINGS)) {
            other.send(shuffled.toArray(CheckpointRecorded[]::new)).advance(Duration.ofSeconds(1));
            assertThat(other.latest(STANDARD_SERIES)).isEqualTo(inOrder);
            assertThat(other.count("borderflow.analyzer.checkpoints.late", "kind", "out_of_order")).isPositive();
        }
        assertThat(inOrder.crossingTime().count()).isEqualTo(12);
        assertThat(inOrder.queuedNow()).isEqualTo(2);
    }

    @Test
    void aRepeatedEventIdChangesNothing() {
        List<CheckpointRecorded> events = new ArrayList<>(journey(STANDARD, "S1", T0, 20, 40));
        events.add(STANDARD.queued("S2", T0.minusSeconds(300)));
        driver.send(events.toArray(CheckpointRecorded[]::new)).advance(Duration.ofSeconds(1));
        CrossingDelayUpdated before = driver.latest(STANDARD_SERIES);
        int delaysBefore = driver.shipmentDelays().size();

        driver.send(events.toArray(CheckpointRecorded[]::new)).send(events.get(1)).advance(Duration.ofSeconds(1));

        CrossingDelayUpdated after = driver.latest(STANDARD_SERIES);
        assertThat(after.crossingTime()).isEqualTo(before.crossingTime());
        assertThat(after.waitTime()).isEqualTo(before.waitTime());
        assertThat(after.queuedNow()).isEqualTo(before.queuedNow());
        assertThat(driver.shipmentDelays()).hasSize(delaysBefore);
        assertThat(driver.count("borderflow.analyzer.checkpoints.duplicate")).isEqualTo(5.0);
    }

    @Test
    void aShipmentIsStalledAtExactlyStallAfterAndAnnouncedOnce() {
        driver.send(STANDARD.queued("S1", T0)).advance(Duration.ofSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).queuedNow()).isEqualTo(1);

        driver.advanceTo(T0.plus(RULES.stallAfter()).minusSeconds(1));
        assertThat(driver.shipmentDelays()).extracting(ShipmentDelayUpdated::status).containsOnly(JourneyStatus.QUEUED);

        driver.advance(Duration.ofSeconds(1));
        ShipmentDelayUpdated stalled = driver.shipmentDelays().get(driver.shipmentDelays().size() - 1);
        assertThat(stalled.status()).isEqualTo(JourneyStatus.STALLED);
        assertThat(stalled.occurredAt()).isEqualTo(T0.plus(RULES.stallAfter()));
        assertThat(stalled.delayMinutes()).isEqualTo(110.0); // 120 min since queue entry − 10 min free-flow
        assertThat(driver.latest(STANDARD_SERIES).queuedNow()).isZero();

        driver.advance(Duration.ofMinutes(5));
        assertThat(driver.shipmentDelays()).filteredOn(ShipmentDelayUpdated::stalled).hasSize(1);
        assertThat(driver.count("borderflow.analyzer.shipments.stalled")).isEqualTo(1.0);
    }

    @Test
    void aSeriesIsStaleAtExactlyStaleAfterAndShownAsStaleNotZero() {
        journey(STANDARD, "S1", T0, 20, 40).forEach(driver::send);
        driver.advance(Duration.ofSeconds(1));

        driver.advanceTo(T0.plus(RULES.staleAfter()).minusSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).stale()).isFalse();
        driver.advance(Duration.ofSeconds(1));
        CrossingDelayUpdated stale = driver.latest(STANDARD_SERIES);
        assertThat(stale.stale()).isTrue();
        assertThat(stale.occurredAt()).isEqualTo(T0.plus(RULES.staleAfter()));
        assertThat(stale.crossingTime().p50Minutes()).isEqualTo(40.0); // the window still holds it

        driver.advanceTo(T0.plus(RULES.window()));
        CrossingDelayUpdated empty = driver.latest(STANDARD_SERIES);
        assertThat(empty.stale()).isTrue();
        assertThat(empty.crossingTime()).isEqualTo(SampleStatistics.EMPTY);
        assertThat(empty.liveWaitMinutes()).isNull();
        assertThat(empty.averageDelayMinutes()).isNull();
        assertThat(empty.bufferIndex()).isNull();
    }

    @Test
    void liveWaitFollowsTheOldestQueuedTruckWhenTheBridgeIsClosed() {
        journey(STANDARD, "DONE", T0.minusSeconds(600), 15, 30).forEach(driver::send);
        driver.send(STANDARD.queued("Q1", T0), STANDARD.queued("Q2", T0.plusSeconds(300)));
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).liveWaitMinutes()).isEqualTo(15.0); // p50 wait still larger

        driver.advanceTo(T0.plus(Duration.ofMinutes(50)));
        CrossingDelayUpdated closed = driver.latest(STANDARD_SERIES);
        assertThat(closed.queuedNow()).isEqualTo(2);
        assertThat(closed.oldestQueuedMinutes()).isEqualTo(50.0);
        assertThat(closed.liveWaitMinutes()).isEqualTo(50.0);
    }

    @Test
    void fastAndStandardLanesNeverMix() {
        journey(STANDARD, "S1", T0, 30, 60).forEach(driver::send);
        journey(FAST, "F1", T0, 5, 12).forEach(driver::send);
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).crossingTime()).isEqualTo(new SampleStatistics(1, 60.0, 60.0, 60.0, 60.0));
        assertThat(driver.latest(FAST_SERIES).crossingTime()).isEqualTo(new SampleStatistics(1, 12.0, 12.0, 12.0, 12.0));
        assertThat(driver.published()).extracting(CrossingDelayUpdated::series).containsOnly(STANDARD_SERIES, FAST_SERIES);
    }

    @Test
    void aShipmentThatChangesLaneLeavesItsOldSeries() {
        driver.send(STANDARD.queued("S1", T0.minusSeconds(600))).advance(Duration.ofSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).queuedNow()).isEqualTo(1);
        driver.send(FAST.primary("S1", T0)).advance(Duration.ofSeconds(1));
        assertThat(driver.latest(STANDARD_SERIES).queuedNow()).isZero();
        assertThat(driver.latest(FAST_SERIES).waitTime().p50Minutes()).isEqualTo(10.0);
    }

    @Test
    void aSeriesIsPublishedAtMostOncePerSecondAndAtLeastEveryThirtySeconds() {
        driver.send(STANDARD.queued("S1", T0));
        driver.send(STANDARD.queued("S2", T0));
        driver.send(STANDARD.queued("S3", T0));
        assertThat(driver.published()).hasSize(1);
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.published()).hasSize(2);
        assertThat(driver.latest(STANDARD_SERIES).queuedNow()).isEqualTo(3);

        driver.published().clear();
        for (int second = 0; second < 90; second++) {
            driver.advance(Duration.ofMillis(999)).advance(Duration.ofMillis(1));
        }
        // heartbeats 30 s after the last publication, and a change when the oldest truck's wait reaches 1 minute
        assertThat(driver.published()).extracting(CrossingDelayUpdated::occurredAt)
                .containsExactly(T0.plusSeconds(31), T0.plusSeconds(60), T0.plusSeconds(90));
    }

    @Test
    void shipmentDelaysFollowEveryJourneyChange() {
        journey(STANDARD, "S1", T0, 20, 45).forEach(driver::send);
        assertThat(driver.shipmentDelays()).extracting(ShipmentDelayUpdated::status)
                .containsExactly(JourneyStatus.QUEUED, JourneyStatus.IN_INSPECTION, JourneyStatus.EXITED);
        ShipmentDelayUpdated exited = driver.shipmentDelays().get(2);
        assertThat(exited.waitMinutes()).isEqualTo(20.0);
        assertThat(exited.crossingMinutes()).isEqualTo(45.0);
        assertThat(exited.delayMinutes()).isEqualTo(35.0);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsProcessed() {
        driver.sendRaw("S1", "{not json".getBytes(StandardCharsets.UTF_8));
        driver.send(STANDARD.queued("S1", T0));

        List<TestRecord<String, byte[]>> dead = driver.deadLetters();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).isEqualTo("invalid-checkpoint");
        assertThat(header(dead.get(0), DeadLetterHeaders.CAUSE)).startsWith("malformed JSON for CheckpointRecorded");
        assertThat(header(dead.get(0), DeadLetterHeaders.TOPIC)).isEqualTo("checkpoints.v1");
        assertThat(header(dead.get(0), DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(driver.latest(STANDARD_SERIES).queuedNow()).isEqualTo(1);
    }

    @Test
    void aCheckpointForAnUnknownCrossingOrUnderAnotherKeyIsDeadLettered() {
        driver.send(Checkpoints.at("atlantis-bridge", Direction.NORTHBOUND, LaneType.FAST).queued("S1", T0));
        driver.sendRaw("OTHER", new io.borderflow.events.serde.JsonSerde<>(CheckpointRecorded.class)
                .serialize("t", STANDARD.queued("S2", T0)));
        assertThat(driver.deadLetters()).extracting(r -> header(r, DeadLetterHeaders.REASON))
                .containsExactly("unknown-crossing", "key-mismatch");
        assertThat(driver.published()).isEmpty();
    }

    static String header(TestRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
