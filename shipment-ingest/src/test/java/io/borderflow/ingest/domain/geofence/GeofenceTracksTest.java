package io.borderflow.ingest.domain.geofence;

import static io.borderflow.ingest.domain.geofence.Track.T0;
import static io.borderflow.ingest.domain.geofence.Track.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Recorded-style tracks through the default geofences of World Trade Bridge northbound ({@link Track}), each with
 * the exact checkpoints it must derive. Defaults: 60 s dwell, 25 m edge margin, 100 m accuracy, 10 min gap.
 */
class GeofenceTracksTest {

    @Test
    void aStraightCrossingDerivesEachCheckpointAtTheFirstPingOfItsStage() {
        Track track = track()
                .ping(0, -3400).ping(30, -3200).ping(60, -3000)      // at the queue's edge: in no stage yet
                .ping(90, -2800).ping(120, -2600).ping(150, -2400)   // queue from 90 s, confirmed at 150 s
                .ping(180, -1800).ping(210, -1200).ping(240, -600).ping(270, -100)
                .ping(300, 100).ping(330, 150).ping(360, 150)        // primary from 300 s
                .ping(390, 200).ping(420, 600).ping(450, 900).ping(480, 1200)
                .ping(510, 1600).ping(540, 1900).ping(570, 2200);    // beyond the exit from 510 s

        assertThat(names(track.derive())).containsExactly(
                "QUEUE_ENTERED@18:01:30", "PRIMARY_INSPECTION@18:05:00", "PORT_EXITED@18:08:30");
    }

    @Test
    void aLongQueueWithStopAndGoDerivesOneQueueEntryAndTheWaitToTheBooth() {
        Track track = track();
        double north = -3110;
        // a ping a minute; the queue moves 50 m in three minutes of five, stands still in the other two
        for (int minute = 0; minute <= 120 && north < 200; minute++) {
            track.ping(minute * 60L, north);
            if (minute % 5 < 3) {
                north += 50;
            }
        }
        long last = 121 * 60L;
        track.ping(last, 300).ping(last + 30, 700).ping(last + 60, 1100).ping(last + 90, 1600)
                .ping(last + 120, 1700).ping(last + 150, 1800);

        // after m minutes the truck has made 3·⌊m/5⌋ + min(m mod 5, 3) steps of 50 m from -3,110 m: the third step
        // (-2,960 m, 40 m inside the queue) at minute 3; the 63rd (+40 m, inside primary by more than 25 m) at
        // minute 103 — 100 minutes of wait; beyond the exit's far edge (1,525 m) at 2 h 2 min 30 s
        assertThat(names(track.derive())).containsExactly(
                "QUEUE_ENTERED@18:03:00", "PRIMARY_INSPECTION@19:43:00", "PORT_EXITED@20:02:30");
    }

    @Test
    void aGapAcrossTheBoothInterpolatesPrimaryInspectionBetweenTheLastPingsEitherSide() {
        Track track = track()
                .ping(0, -3300).ping(60, -2900).ping(120, -2500).ping(300, -1000).ping(600, -300)
                // twelve minutes without a ping (tunnel, phone off): next seen in the exit zone
                .ping(1320, 800).ping(1350, 850).ping(1380, 900)
                .ping(1410, 1600).ping(1440, 1700).ping(1470, 1800);

        // primary's edge (0 m) lies 300 m into the 1,100 m between the pings at 600 s and 1,320 s: 600 + 196.4 s
        assertThat(names(track.derive())).containsExactly(
                "QUEUE_ENTERED@18:01:00", "PRIMARY_INSPECTION@18:13:16", "PORT_EXITED@18:23:30");
    }

    @Test
    void aGapBeforeEnteringAStageInterpolatesItsTime() {
        Track track = track()
                .ping(0, -3600).ping(60, -3400)
                .ping(960, -2000).ping(990, -1950).ping(1020, -1900); // 15 min unseen, then well inside the queue

        // the queue's edge (-3000 m) lies 400 m into the 1,400 m between -3400 m (60 s) and -2000 m (960 s)
        assertThat(names(track.derive())).containsExactly("QUEUE_ENTERED@18:05:17");
    }

    @Test
    void jitterAtZoneEdgesNeitherFlapsNorEntersEarly() {
        Track track = track()
                // waiting at the queue's edge: pings 15 to 30 m either side of it
                .ping(0, -3030).ping(20, -2990).ping(40, -3010).ping(60, -2985).ping(80, -3020).ping(100, -2980)
                .ping(120, -3015).ping(140, -2990)
                .ping(160, -2960).ping(180, -2990).ping(200, -2950).ping(220, -2940).ping(240, -2930).ping(260, -2920)
                .ping(280, -2500).ping(300, -1000).ping(320, 50).ping(340, 80).ping(360, 100).ping(380, 120)
                .ping(400, 800).ping(420, 1200)
                // at the exit's far edge: in, out, in again, before leaving for good
                .ping(440, 1480).ping(460, 1515).ping(480, 1490).ping(500, 1530).ping(520, 1505).ping(540, 1470)
                .ping(560, 1530).ping(580, 1560).ping(600, 1600).ping(620, 1650);

        // the queue: the first run of 60 s at least 25 m inside starts at 200 s (the ping at 180 s was within 25 m);
        // the exit: the run from 500 s was broken at 520 s; the one from 560 s lasts
        assertThat(names(track.derive())).containsExactly(
                "QUEUE_ENTERED@18:03:20", "PRIMARY_INSPECTION@18:05:20", "PORT_EXITED@18:09:20");
    }

    @Test
    void aUTurnBeforeTheBoothDerivesOnlyTheQueueEntry() {
        Track track = track()
                .ping(0, -3400).ping(60, -2900).ping(120, -2700).ping(300, -1500).ping(600, -400)
                // turns back 400 m before the booth and drives away
                .ping(660, -900).ping(720, -2000).ping(780, -3200).ping(840, -3800).ping(2400, -5000);

        assertThat(names(track.derive())).containsExactly("QUEUE_ENTERED@18:01:00");
    }

    @Test
    void aTruckThatApproachesAndTurnsBackBeforeTheQueueDerivesNothing() {
        Track track = track()
                .ping(0, -4000).ping(60, -3500).ping(120, -3100).ping(150, -2990).ping(180, -3050).ping(240, -3600);

        assertThat(track.derive()).isEmpty();
    }

    @Test
    void aTruckDrivingAwayFromTheBorderThroughTheQueueDoesNotJoinIt() {
        Track track = track()
                .ping(0, -200, 700, 8.0).ping(60, -500, 700, 8.0)       // beside the zones
                .ping(120, -800).ping(180, -1200).ping(240, -1600).ping(300, -3500);

        assertThat(track.derive()).isEmpty();
    }

    @Test
    void aParkedTruckNearTheQueueDerivesNothingEvenWithAStrayPing() {
        Track track = track();
        Random jitter = new Random(7);
        // parked 10 m outside the queue for an hour; GPS scatters it up to 23 m inside
        for (int i = 0; i < 120; i++) {
            track.ping(i * 30L, -3010 + jitter.nextDouble(-33, 33));
        }
        track.ping(3630, -2700);                       // one stray ping 300 m inside, reported as accurate
        for (int i = 122; i < 240; i++) {
            track.ping(i * 30L, -3010 + jitter.nextDouble(-33, 33));
        }

        assertThat(track.derive()).isEmpty();
    }

    @Test
    void inaccuratePingsAreIgnoredAndPingsTooOldOrRepeatedChangeNothing() {
        Track track = track()
                .ping(0, -3400).ping(60, -2900).ping(120, -2700)
                .ping(150, 300, 0, 250.0)                        // accuracy 250 m: a ping in primary, ignored
                .ping(180, -2600).ping(180, -2600)               // the same ping twice
                .ping(90, 1000, 0, 5.0).ping(95, 1100, 0, 5.0)   // late pings from before, placing it at the exit
                .ping(240, -2400);

        assertThat(names(track.derive())).containsExactly("QUEUE_ENTERED@18:01:00");
    }

    @Test
    void theSameTrackInAnyBatchOrderDerivesTheSameOnceSorted() {
        Track track = track()
                .ping(0, -3400).ping(60, -2900).ping(120, -2700).ping(600, -300).ping(1320, 800).ping(1350, 850)
                .ping(1380, 900).ping(1410, 1600).ping(1440, 1700).ping(1470, 1800);
        List<Ping> shuffled = new ArrayList<>(track.pings());
        Collections.shuffle(shuffled, new Random(3));
        shuffled.addAll(track.pings().subList(0, 4)); // and some sent twice
        Track resent = track();
        shuffled.stream().sorted(Comparator.comparing(Ping::at)).forEach(resent.pings()::add);

        assertThat(resent.derive()).isEqualTo(track.derive());
    }

    @Test
    void afterTheExitNoPingDerivesAnything() {
        CrossingProgress progress = CrossingProgress.NEW;
        Track track = track().ping(0, -3400).ping(60, -2900).ping(120, -2700).ping(180, 100).ping(240, 150)
                .ping(300, 1600).ping(360, 1700);
        for (Ping ping : track.pings()) {
            progress = ZoneTracker.next(progress, ping, Track.FENCE, GeofenceRules.DEFAULTS).progress();
        }
        assertThat(progress.exited()).isTrue();

        ZoneTracker.Step step = ZoneTracker.next(progress, new Ping(T0.plusSeconds(400), Track.at(-2000, 0), 5.0),
                Track.FENCE, GeofenceRules.DEFAULTS);

        assertThat(step.outcome()).isEqualTo(ZoneTracker.Outcome.AFTER_EXIT);
        assertThat(step.derived()).isEmpty();
    }

    private static List<String> names(List<DerivedCheckpoint> derived) {
        return derived.stream().map(d -> d.type() + "@" + d.occurredAt().toString().substring(11, 19)).toList();
    }
}
