package io.borderflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.PositionReported;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules of reported positions: the same standard as checkpoints, with (shipment, at) as the identity. */
class PositionIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");
    private static final EventTimeWindow WINDOW = new EventTimeWindow(Duration.ofMinutes(5), Duration.ofDays(7));
    private static final Caller ACME = new Caller("dispatch@acme", "acme", false);
    private static final Caller GLOBEX = new Caller("dispatch@globex", "globex", false);
    private static final Shipment SHIPMENT = new Shipment("A", "acme", "laredo-world-trade-bridge",
            Direction.NORTHBOUND, LaneType.FAST, NOW, Map.of(), 1, NOW, NOW);
    /** A position at 10 min ago was accepted before. */
    private static final Map<UUID, PositionFingerprint> EARLIER = Map.of(
            PositionReported.eventIdOf("A", NOW.minusSeconds(600)), PositionFingerprint.of(at(-600, 27.5)));

    @Test
    void eachPositionGetsItsVerdictByTheFirstRuleThatApplies() {
        List<PositionVerdict> verdicts = PositionIntake.decide(SHIPMENT, List.of(
                PositionIntake.Submission.of(at(-60, 27.5)),
                PositionIntake.Submission.unreadable("validation"),
                PositionIntake.Submission.of(at(360, 27.5)),                       // 6 min ahead
                PositionIntake.Submission.of(at(-8 * 24 * 3600, 27.5)),           // 8 days old
                PositionIntake.Submission.of(at(-600, 27.5)),                      // as before
                PositionIntake.Submission.of(at(-600, 27.6)),                      // elsewhere at that time
                PositionIntake.Submission.of(at(-60, 27.5)),                       // again in this batch
                PositionIntake.Submission.of(at(-60, 27.7))),                      // contradicts this batch
                id -> Optional.ofNullable(EARLIER.get(id)), WINDOW, NOW);

        assertThat(verdicts).extracting(v -> v.status() + " " + v.reason()).containsExactly(
                "ACCEPTED none", "REJECTED validation", "REJECTED occurred-at-out-of-range",
                "REJECTED occurred-at-out-of-range", "DUPLICATE none", "REJECTED duplicate-position", "DUPLICATE none",
                "REJECTED duplicate-position");
        assertThat(verdicts.get(2).rejection().timeField()).isEqualTo("at");
    }

    @Test
    void anAcceptedPositionIsStampedWithItsShipmentAndIdentifiedByShipmentAndTime() {
        PositionReported position = PositionIntake.decide(SHIPMENT, List.of(PositionIntake.Submission.of(at(-60, 27.5))),
                id -> Optional.empty(), WINDOW, NOW).get(0).event();

        assertThat(position.eventId()).isEqualTo(PositionReported.eventIdOf("A", NOW.minusSeconds(60)));
        assertThat(position.carrierId()).isEqualTo("acme");
        assertThat(position.crossingId()).isEqualTo("laredo-world-trade-bridge");
        assertThat(position.laneType()).isEqualTo(LaneType.FAST);
        assertThat(position.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void aBatchIsRefusedWholeWhenTooLargeOrNotTheCallersShipment() {
        assertThat(PositionIntake.batchRefusal(ACME, "A", SHIPMENT, 1000, 1000)).isEmpty();
        assertThat(PositionIntake.batchRefusal(ACME, "A", SHIPMENT, 1001, 1000)).get()
                .extracting(Rejection::reason).isEqualTo(Rejection.Reason.BATCH_TOO_LARGE);
        assertThat(PositionIntake.batchRefusal(GLOBEX, "A", SHIPMENT, 1, 1000)).get()
                .extracting(Rejection::reason).isEqualTo(Rejection.Reason.SHIPMENT_NOT_FOUND);
        assertThat(PositionIntake.batchRefusal(ACME, "X", null, 1, 1000)).get()
                .extracting(Rejection::reason).isEqualTo(Rejection.Reason.SHIPMENT_NOT_FOUND);
    }

    private static PositionReport at(long secondsFromNow, double latitude) {
        return new PositionReport(NOW.plusSeconds(secondsFromNow), latitude, -99.53, 12.0, 5.0, 8.0);
    }
}
