package io.borderflow.analyzer.domain.advice;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.analyzer.domain.HourOfWeekProfile;
import io.borderflow.analyzer.domain.ReportedWait;
import io.borderflow.events.ReportedStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected wait at a given queue-join time: live, blended, profile, CBP, unknown. */
class ExpectedWaitTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private static final Duration HORIZON = Duration.ofHours(4);
    private static final Instant NOW = AdviceRankingTest.NOW;
    private static final String WTB = AdviceRankingTest.WTB;

    @Test
    void anArrivalNowExpectsTheLiveWait() {
        ExpectedWait wait = ExpectedWait.at(NOW, NOW, HORIZON, CHICAGO, withProfile(120.0, 20.0, 10));

        assertThat(wait.minutes()).isEqualTo(120.0);
        assertThat(wait.source()).isEqualTo(WaitSource.LIVE);
        assertThat(wait.liveWeight()).isEqualTo(1.0);
        assertThat(wait.liveSamples()).isEqualTo(25);
    }

    @Test
    void halfwayToTheHorizonItIsHalfLiveHalfProfile() {
        ExpectedWait wait = ExpectedWait.at(NOW.plus(Duration.ofHours(2)), NOW, HORIZON, CHICAGO,
                withProfile(120.0, 20.0, 12));

        assertThat(wait.minutes()).isEqualTo(70.0);
        assertThat(wait.source()).isEqualTo(WaitSource.LIVE_AND_PROFILE);
        assertThat(wait.liveWeight()).isEqualTo(0.5);
        assertThat(wait.profileSamples()).isEqualTo(3);
        // at exactly half, the live part (25 samples) decides the confidence
        assertThat(wait.confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void atAndBeyondTheHorizonTheProfileAloneSpeaks() {
        ExpectedWait wait = ExpectedWait.at(NOW.plus(HORIZON), NOW, HORIZON, CHICAGO, withProfile(120.0, 20.0, 14));

        assertThat(wait.minutes()).isEqualTo(20.0);
        assertThat(wait.source()).isEqualTo(WaitSource.PROFILE);
        assertThat(wait.confidence()).isEqualTo(Confidence.LOW);
    }

    @Test
    void farBeyondTheHorizonWithoutAProfileTheWaitIsUnknownNotZero() {
        ExpectedWait wait = ExpectedWait.at(NOW.plus(Duration.ofHours(10)), NOW, HORIZON, CHICAGO,
                AdviceRankingTest.live(WTB, 120.0, 25));

        assertThat(wait.minutes()).isNull();
        assertThat(wait.source()).isEqualTo(WaitSource.NONE);
        assertThat(wait.confidence()).isEqualTo(Confidence.NONE);
    }

    @Test
    void cbpsStaleReadingIsNotUsed() {
        CrossingConditions conditions = new CrossingConditions(null, List.of(),
                new ReportedWait(40, 3, ReportedStatus.DELAY, true, NOW.minus(Duration.ofHours(4)), true));

        assertThat(ExpectedWait.at(NOW, NOW, HORIZON, CHICAGO, conditions).minutes()).isNull();
    }

    @Test
    void theProfileHourIsTheCrossingsLocalHourAcrossDst() {
        // Monday 07:00 local is the rush; 08:00 is quiet. 13:00Z is 07:00 in a Chicago winter, 08:00 in its summer.
        CrossingConditions conditions = new CrossingConditions(null, List.of(
                new HourOfWeekProfile.Hour(DayOfWeek.MONDAY, 7, 60.0, 80.0, 30),
                new HourOfWeekProfile.Hour(DayOfWeek.MONDAY, 8, 10.0, 30.0, 30)), null);
        Instant winter = Instant.parse("2026-03-02T13:00:00Z");
        Instant summer = Instant.parse("2026-03-09T13:00:00Z");

        assertThat(ExpectedWait.at(winter, winter.minus(Duration.ofDays(1)), HORIZON, CHICAGO, conditions).minutes())
                .isEqualTo(60.0);
        assertThat(ExpectedWait.at(summer, summer.minus(Duration.ofDays(1)), HORIZON, CHICAGO, conditions).minutes())
                .isEqualTo(10.0);
        // Phoenix keeps no DST: 14:00Z is 07:00 there in March, before and after
        assertThat(ExpectedWait.at(Instant.parse("2026-03-09T14:00:00Z"), winter, HORIZON, PHOENIX, conditions)
                .minutes()).isEqualTo(60.0);
        assertThat(ExpectedWait.at(Instant.parse("2026-03-02T14:00:00Z"), winter, HORIZON, PHOENIX, conditions)
                .minutes()).isEqualTo(60.0);
    }

    /** Live 120 with 25 samples, and a profile at the local hour of now + the given hours. */
    private static CrossingConditions withProfile(double live, double profileWait, int profileSamples) {
        List<HourOfWeekProfile.Hour> hours = new java.util.ArrayList<>();
        for (int h = 0; h < 24; h++) {
            for (DayOfWeek day : DayOfWeek.values()) {
                hours.add(new HourOfWeekProfile.Hour(day, h, profileWait, profileWait + 10, profileSamples / 4));
            }
        }
        return new CrossingConditions(AdviceRankingTest.measured(WTB, live, 25, false), hours, null);
    }
}
