package io.borderflow.alerts.domain;

import static io.borderflow.events.AlertState.FIRING;
import static io.borderflow.events.AlertState.INACTIVE;
import static io.borderflow.events.AlertState.PENDING;
import static io.borderflow.events.AlertState.RESOLVED;
import static io.borderflow.alerts.domain.NotificationKind.ACKNOWLEDGED;
import static io.borderflow.alerts.domain.NotificationKind.REPEAT;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle as a table: each row is a timeline of inputs (minutes after T0) and what it must end in —
 * the states passed through, and the notifications sent.
 */
class LifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final Labels LABELS = new Rule("r", "LiveWaitHigh", Measure.LIVE_WAIT_MINUTES, Scope.ALL,
            Comparison.GT, 90, Duration.ZERO, Duration.ZERO, io.borderflow.events.Severity.WARNING, "s", null, true)
            .labelsFor(Map.of(Labels.CROSSING, "laredo-world-trade-bridge"));

    /** One input: an update with a condition, a tick, an acknowledgement; silenced or not. */
    record Input(String kind, int minute, boolean silenced) {
        static Input of(String spec) {
            String[] parts = spec.split("@");
            String kind = parts[0].replace("!", "");
            return new Input(kind, Integer.parseInt(parts[1]), parts[0].endsWith("!"));
        }
    }

    static Stream<Arguments> timelines() {
        return Stream.of(
                // name, for, keep_firing_for, repeat, inputs ("!" = silenced), states passed, notifications
                row("for=0 fires at the first true update", 0, 0, 240, "true@0",
                        List.of(FIRING), List.of(NotificationKind.FIRING)),
                row("true starts pending, not firing, before for has passed", 10, 0, 240, "true@0 true@5 tick@9",
                        List.of(PENDING), List.of()),
                row("true continuously for `for` fires on the next update", 10, 0, 240, "true@0 true@5 true@10",
                        List.of(PENDING, FIRING), List.of(NotificationKind.FIRING)),
                row("true continuously for `for` fires on a tick without new input", 10, 0, 240, "true@0 tick@10",
                        List.of(PENDING, FIRING), List.of(NotificationKind.FIRING)),
                row("pending that turns false goes back to inactive and never notifies", 10, 0, 240,
                        "true@0 false@5 tick@20", List.of(PENDING, INACTIVE), List.of()),
                row("pending turned false starts a new clock when true again", 10, 0, 240,
                        "true@0 false@5 true@6 tick@12", List.of(PENDING, INACTIVE, PENDING), List.of()),
                row("false resolves at once when keep_firing_for is 0", 0, 0, 240, "true@0 false@3",
                        List.of(FIRING, RESOLVED), List.of(NotificationKind.FIRING, NotificationKind.RESOLVED)),
                row("flapping inside keep_firing_for stays firing", 0, 10, 240,
                        "true@0 false@1 true@5 false@8 tick@15 true@17 tick@30",
                        List.of(FIRING), List.of(NotificationKind.FIRING)),
                row("false continuously for keep_firing_for resolves on a tick", 0, 10, 240,
                        "true@0 false@1 tick@5 tick@11", List.of(FIRING, RESOLVED),
                        List.of(NotificationKind.FIRING, NotificationKind.RESOLVED)),
                row("stale (unknown) never counts as false: firing stays firing", 0, 5, 240,
                        "true@0 unknown@1 tick@30", List.of(FIRING), List.of(NotificationKind.FIRING)),
                row("stale (unknown) neither starts an alert", 0, 0, 240, "unknown@0 tick@30",
                        List.of(), List.of()),
                row("stale (unknown) does not reset a pending alert to inactive", 10, 0, 240,
                        "true@0 unknown@3", List.of(PENDING), List.of()),
                row("firing and unacknowledged repeats every repeat interval", 0, 0, 60,
                        "true@0 tick@30 tick@60 tick@90 tick@120", List.of(FIRING),
                        List.of(NotificationKind.FIRING, REPEAT, REPEAT)),
                row("acknowledge stops repeats and is sent once", 0, 0, 60, "true@0 ack@10 tick@60 tick@120",
                        List.of(FIRING), List.of(NotificationKind.FIRING, ACKNOWLEDGED)),
                row("silence suppresses notifications but not state", 0, 0, 60,
                        "true!@0 tick!@60 false!@70", List.of(FIRING, RESOLVED), List.of()),
                row("an alert that fired while silenced is notified once the silence is over", 0, 0, 60,
                        "true!@0 tick@5 false@6", List.of(FIRING, RESOLVED),
                        List.of(NotificationKind.FIRING, NotificationKind.RESOLVED)),
                row("resolved fires again as a new episode", 0, 0, 240, "true@0 false@1 true@2",
                        List.of(FIRING, RESOLVED, FIRING),
                        List.of(NotificationKind.FIRING, NotificationKind.RESOLVED, NotificationKind.FIRING)),
                row("the same update twice changes nothing", 0, 0, 240, "true@0 true@0 false@2 false@2",
                        List.of(FIRING, RESOLVED), List.of(NotificationKind.FIRING, NotificationKind.RESOLVED)),
                row("an update older than the last one applied is ignored", 0, 0, 240, "true@5 false@3",
                        List.of(FIRING), List.of(NotificationKind.FIRING)));
    }

    private static Arguments row(String name, int forMinutes, int keepMinutes, int repeatMinutes, String inputs,
            List<AlertState> states, List<NotificationKind> notifications) {
        return Arguments.of(name, new Timing(Duration.ofMinutes(forMinutes), Duration.ofMinutes(keepMinutes),
                Duration.ofMinutes(repeatMinutes)), inputs, states, notifications);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timelines")
    void timeline(String name, Timing timing, String inputs, List<AlertState> expectedStates,
            List<NotificationKind> expectedNotifications) {
        AlertInstance instance = AlertInstance.inactive("r", LABELS);
        List<AlertState> states = new ArrayList<>();
        List<NotificationKind> notifications = new ArrayList<>();
        for (Input input : Arrays.stream(inputs.split(" ")).map(Input::of).toList()) {
            Step step = apply(instance, input, timing);
            if (step.stateChanged()) {
                states.add(step.instance().state());
                assertThat(step.announce()).as("every state change is published").isTrue();
            }
            step.notification().ifPresent(notifications::add);
            instance = step.instance();
        }
        assertThat(states).as("states passed through").isEqualTo(expectedStates);
        assertThat(notifications).as("notifications").isEqualTo(expectedNotifications);
    }

    private static Step apply(AlertInstance instance, Input input, Timing timing) {
        Instant at = T0.plus(Duration.ofMinutes(input.minute()));
        return switch (input.kind()) {
            case "true" -> Lifecycle.observe(instance, new Observation(Condition.TRUE, 120.0, at, UUID.randomUUID()),
                    timing, input.silenced());
            case "false" -> Lifecycle.observe(instance, new Observation(Condition.FALSE, 30.0, at, UUID.randomUUID()),
                    timing, input.silenced());
            case "unknown" -> Lifecycle.observe(instance, new Observation(Condition.UNKNOWN, null, at, UUID.randomUUID()),
                    timing, input.silenced());
            case "tick" -> Lifecycle.tick(instance, at, timing, input.silenced());
            case "ack" -> Lifecycle.acknowledge(instance, "oncall@borderflow.test", at, input.silenced());
            default -> throw new IllegalArgumentException(input.kind());
        };
    }

    @Test
    void pendingAlertFiresAtItsOriginalDeadlineWhenEvaluatedLater() {
        Timing timing = new Timing(Duration.ofMinutes(10), Duration.ZERO, Duration.ofHours(4));
        Step pending = Lifecycle.observe(AlertInstance.inactive("r", LABELS),
                new Observation(Condition.TRUE, 120.0, T0, UUID.randomUUID()), timing, false);

        assertThat(Lifecycle.tick(pending.instance(), T0.plusSeconds(599), timing, false).changed()).isFalse();
        Step fired = Lifecycle.tick(pending.instance(), T0.plusSeconds(600), timing, false);
        assertThat(fired.instance().state()).isEqualTo(FIRING);
        assertThat(fired.instance().activeAt()).isEqualTo(T0);
        assertThat(fired.instance().startsAt()).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    void acknowledgementRecordsWhoAndWhenAndIsClearedByTheNextEpisode() {
        Timing timing = new Timing(Duration.ZERO, Duration.ZERO, Duration.ofHours(4));
        AlertInstance firing = Lifecycle.observe(AlertInstance.inactive("r", LABELS),
                new Observation(Condition.TRUE, 120.0, T0, UUID.randomUUID()), timing, false).instance();
        AlertInstance acked = Lifecycle.acknowledge(firing, "ana", T0.plusSeconds(60), false).instance();
        assertThat(acked.acknowledgedBy()).isEqualTo("ana");
        assertThat(acked.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(Lifecycle.acknowledge(acked, "bob", T0.plusSeconds(90), false).changed()).isFalse();

        AlertInstance resolved = Lifecycle.observe(acked,
                new Observation(Condition.FALSE, 10.0, T0.plusSeconds(120), UUID.randomUUID()), timing, false).instance();
        AlertInstance again = Lifecycle.observe(resolved,
                new Observation(Condition.TRUE, 130.0, T0.plusSeconds(180), UUID.randomUUID()), timing, false).instance();
        assertThat(again.state()).isEqualTo(FIRING);
        assertThat(again.acknowledgedBy()).isNull();
    }

    @Test
    void notificationSequenceGrowsWithEveryNotification() {
        Timing timing = new Timing(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
        AlertInstance firing = Lifecycle.observe(AlertInstance.inactive("r", LABELS),
                new Observation(Condition.TRUE, 120.0, T0, UUID.randomUUID()), timing, false).instance();
        AlertInstance repeated = Lifecycle.tick(firing, T0.plusSeconds(60), timing, false).instance();
        assertThat(firing.notificationSequence()).isEqualTo(1);
        assertThat(repeated.notificationSequence()).isEqualTo(2);
    }
}
