package io.borderflow.simulator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpisodeScheduleTest {

    private static final CrossingCatalog CATALOG = CrossingCatalog.load();
    private static final TrafficProfile PROFILE = TrafficProfile.load(CATALOG, false);
    private static final Instant START = Instant.parse("2026-07-06T00:00:00Z");

    private static List<CongestionEpisode> week(long seed) {
        return new EpisodeSchedule(CATALOG, PROFILE, new CrossingTimes(), TrafficSettings.defaults(seed, "E"), START)
                .plannedUntil(START.plus(Duration.ofDays(7)));
    }

    @Test
    void episodesHitMajorCrossingsWhileTheyAreOpenAndNeverTwoAtOnceInACycle() {
        List<CongestionEpisode> episodes = week(1);
        assertThat(episodes).hasSizeGreaterThan(10);
        for (CongestionEpisode episode : episodes) {
            Crossing crossing = CATALOG.byId(episode.crossingId()).orElseThrow();
            assertThat(crossing.northboundTrucksPerYear()).isGreaterThanOrEqualTo(EpisodeSchedule.MAJOR_CROSSING_TRUCKS_PER_YEAR);
            assertThat(PROFILE.isOpen(crossing, episode.start())).as("%s open at its start", episode).isTrue();
            assertThat(PROFILE.isOpen(crossing, episode.end())).as("%s open at its end", episode).isTrue();
            assertThat(episode.duration()).isEqualTo(Duration.ofHours(2));
        }
        for (int i = 0; i + 1 < episodes.size(); i++) {
            if (episodes.get(i).kind() == CongestionEpisode.Kind.SLOWDOWN
                    && episodes.get(i + 1).kind() == CongestionEpisode.Kind.CLOSURE
                    && Duration.between(episodes.get(i).start(), episodes.get(i + 1).start()).toMinutes() == 15) {
                assertThat(episodes.get(i + 1).crossingId()).isNotEqualTo(episodes.get(i).crossingId());
            }
        }
    }

    @Test
    void theSeedDecidesWhereEpisodesHappen() {
        assertThat(week(1)).isEqualTo(week(1));
        assertThat(week(1)).isNotEqualTo(week(2));
    }

    @Test
    void aSlowdownRampsUpToAWaitOfAboutTwoHoursAndBackDown() {
        CongestionEpisode slowdown = week(3).stream().filter(e -> e.kind() == CongestionEpisode.Kind.SLOWDOWN)
                .findFirst().orElseThrow();
        Crossing crossing = CATALOG.byId(slowdown.crossingId()).orElseThrow();
        double typical = new CrossingTimes().typicalWaitMinutes(crossing, Direction.NORTHBOUND, LaneType.STANDARD);
        Instant middle = slowdown.start().plus(slowdown.duration().dividedBy(2));
        assertThat(slowdown.waitFactor(slowdown.start())).isEqualTo(1.0);
        assertThat(typical * slowdown.waitFactor(middle)).isGreaterThanOrEqualTo(EpisodeSchedule.SLOWDOWN_PEAK_WAIT_MINUTES - 1);
        assertThat(slowdown.waitFactor(slowdown.end())).isEqualTo(1.0);
        assertThat(slowdown.waitFactor(slowdown.start().plus(slowdown.duration().dividedBy(8))))
                .isStrictlyBetween(1.0, slowdown.waitFactor(middle));
    }
}
