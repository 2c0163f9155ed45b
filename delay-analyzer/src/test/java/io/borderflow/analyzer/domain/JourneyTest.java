package io.borderflow.analyzer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.analyzer.Checkpoints;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.JourneyStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JourneyTest {

    static final Instant T0 = Instant.parse("2026-11-27T14:00:00Z");
    final Checkpoints at = Checkpoints.laredoNorthboundStandard();
    final DelayRules rules = DelayRules.DEFAULTS;

    @Test
    void waitAndCrossingTimeComeFromTheReaderMilestones() {
        Journey journey = Journey.begin(at.queued("S1", T0))
                .record(at.primary("S1", T0.plusSeconds(40 * 60)))
                .record(at.exited("S1", T0.plusSeconds(70 * 60)));
        assertThat(journey.summary().waitTime()).contains(Duration.ofMinutes(40));
        assertThat(journey.summary().crossingTime()).contains(Duration.ofMinutes(70));
        assertThat(journey.status(T0.plusSeconds(70 * 60), rules)).isEqualTo(JourneyStatus.EXITED);
    }

    @Test
    void checkpointsAreOrderedByEventTimeNotArrival() {
        Journey journey = Journey.begin(at.exited("S1", T0.plusSeconds(70 * 60)))
                .record(at.queued("S1", T0))
                .record(at.primary("S1", T0.plusSeconds(40 * 60)));
        assertThat(journey.checkpoints()).extracting(Checkpoint::occurredAt).isSorted();
        assertThat(journey.summary().crossingTime()).contains(Duration.ofMinutes(70));
    }

    @Test
    void aRepeatedEventIdChangesNothing() {
        Journey once = Journey.begin(at.queued("S1", T0));
        assertThat(once.record(at.queued("S1", T0))).isEqualTo(once);
    }

    @Test
    void stalledFromExactlyStallAfterUnlessExited() {
        Journey queued = Journey.begin(at.queued("S1", T0));
        Instant deadline = T0.plus(rules.stallAfter());
        assertThat(queued.status(deadline.minusMillis(1), rules)).isEqualTo(JourneyStatus.QUEUED);
        assertThat(queued.status(deadline, rules)).isEqualTo(JourneyStatus.STALLED);
        Journey exited = queued.record(at.exited("S1", T0.plusSeconds(60)));
        assertThat(exited.status(deadline.plusSeconds(3600), rules)).isEqualTo(JourneyStatus.EXITED);
    }

    @Test
    void aTruckWhosePrimaryReadWasMissedIsNoLongerQueuedOnceItReachesSecondary() {
        Journey journey = Journey.begin(at.queued("S1", T0))
                .record(at.event("S1", CheckpointType.SECONDARY_REFERRED, T0.plusSeconds(30 * 60)));
        Instant now = T0.plusSeconds(40 * 60);

        assertThat(journey.summary().queued(now, rules)).isFalse();
        assertThat(journey.summary().waitTime()).isEmpty();
        assertThat(journey.status(now, rules)).isEqualTo(JourneyStatus.IN_INSPECTION);
    }

    @Test
    void exportClearanceHappensWhileTheTruckIsStillQueued() {
        Journey journey = Journey.begin(at.queued("S1", T0))
                .record(at.event("S1", CheckpointType.EXPORT_CLEARED, T0.plusSeconds(10 * 60)));

        assertThat(journey.summary().queued(T0.plusSeconds(20 * 60), rules)).isTrue();
    }

    @Test
    void aReaderStampedBeforeQueueEntryGivesNoSample() {
        Journey journey = Journey.begin(at.queued("S1", T0)).record(at.primary("S1", T0.minusSeconds(60)));
        assertThat(journey.summary().waitTime()).isEmpty();
    }
}
