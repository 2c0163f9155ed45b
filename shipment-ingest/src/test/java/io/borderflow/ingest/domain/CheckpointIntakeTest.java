package io.borderflow.ingest.domain;

import static io.borderflow.ingest.domain.ReceiptStatus.ACCEPTED;
import static io.borderflow.ingest.domain.ReceiptStatus.DUPLICATE;
import static io.borderflow.ingest.domain.ReceiptStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.borderflow.events.CheckpointRecorded;
import io.borderflow.events.CheckpointSource;
import io.borderflow.events.CheckpointType;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The intake as a table: each row is a batch (a single post is a batch of one) sent by a caller, against the
 * same known world, and the verdict each submission must get, in order.
 */
class CheckpointIntakeTest {

    private static final Instant NOW = Instant.parse("2026-11-27T18:00:00Z");
    private static final EventTimeWindow WINDOW = new EventTimeWindow(Duration.ofMinutes(5), Duration.ofDays(7));

    private static final Caller ACME = new Caller("dispatch@acme", "acme", false);
    private static final Caller GLOBEX = new Caller("dispatch@globex", "globex", false);
    private static final Caller OPERATOR = new Caller("operator@borderflow", null, true);

    /** Shipments A and C are acme's, B is globex's, X does not exist. */
    private static final Map<String, Shipment> SHIPMENTS = Map.of(
            "A", shipment("A", "acme"), "B", shipment("B", "globex"), "C", shipment("C", "acme"));
    /** Event e7 was accepted before (in memory or in the read model): shipment A, QUEUE_ENTERED, 30 min ago. */
    private static final Map<UUID, CheckpointFingerprint> EARLIER = Map.of(
            id("e7"), CheckpointFingerprint.of("A", report("e7", CheckpointType.QUEUE_ENTERED, NOW.minusSeconds(1800))));
    private static final CheckpointIntake.Known KNOWN = new CheckpointIntake.Known(SHIPMENTS,
            eventId -> Optional.ofNullable(EARLIER.get(eventId)));

    static Stream<Arguments> batches() {
        return Stream.of(
                // name, caller, submissions ("shipment:event:type@minutes from now", "?" = unreadable), verdicts
                row("a report of the caller's own shipment is accepted", ACME, "A:e1:QUEUE@-10", "ACCEPTED"),
                row("up to 5 min ahead of the server clock is believed", ACME, "A:e1:QUEUE@5", "ACCEPTED"),
                row("further ahead is refused", ACME, "A:e1:QUEUE@6", "REJECTED occurred-at-out-of-range"),
                row("up to 7 days old is believed", ACME, "A:e1:QUEUE@-10080", "ACCEPTED"),
                row("older is refused", ACME, "A:e1:QUEUE@-10081", "REJECTED occurred-at-out-of-range"),
                row("an unknown shipment is not found", ACME, "X:e1:QUEUE@-10", "REJECTED shipment-not-found"),
                row("another carrier's shipment answers as if it did not exist", GLOBEX, "A:e1:QUEUE@-10",
                        "REJECTED shipment-not-found"),
                row("a caller that reads every shipment still reports for none", OPERATOR, "A:e1:QUEUE@-10",
                        "REJECTED shipment-not-found"),
                row("a known eventId with the same content is a DUPLICATE", ACME, "A:e7:QUEUE@-30", "DUPLICATE"),
                row("a known eventId with another type is refused", ACME, "A:e7:PRIMARY@-30",
                        "REJECTED duplicate-event"),
                row("a known eventId with another time is refused", ACME, "A:e7:QUEUE@-29",
                        "REJECTED duplicate-event"),
                row("a known eventId for another shipment is refused", ACME, "C:e7:QUEUE@-30",
                        "REJECTED duplicate-event"),
                row("the same event twice in one batch: the second is a DUPLICATE", ACME,
                        "A:e1:QUEUE@-10 A:e1:QUEUE@-10", "ACCEPTED", "DUPLICATE"),
                row("one eventId twice in one batch with other content: the second is refused", ACME,
                        "A:e1:QUEUE@-10 A:e1:PRIMARY@-2", "ACCEPTED", "REJECTED duplicate-event"),
                row("a refused event does not make its eventId known to the batch", ACME,
                        "X:e1:QUEUE@-10 A:e1:QUEUE@60 A:e1:QUEUE@-10",
                        "REJECTED shipment-not-found", "REJECTED occurred-at-out-of-range", "ACCEPTED"),
                row("an unreadable event is refused alone", ACME, "? A:e1:QUEUE@-10",
                        "REJECTED unknown-value", "ACCEPTED"),
                row("the time window is checked before the shipment", GLOBEX, "A:e1:QUEUE@60",
                        "REJECTED occurred-at-out-of-range"),
                row("the shipment is checked before the eventId: nothing leaks of another carrier's events", GLOBEX,
                        "A:e7:PRIMARY@-30", "REJECTED shipment-not-found"),
                row("each event of a mixed batch gets its own verdict", ACME,
                        "A:e1:QUEUE@-10 B:e2:QUEUE@-10 A:e7:QUEUE@-30 C:e3:PORT@-1",
                        "ACCEPTED", "REJECTED shipment-not-found", "DUPLICATE", "ACCEPTED"));
    }

    private static Arguments row(String name, Caller caller, String submissions, String... verdicts) {
        return Arguments.of(name, caller, submissions, List.of(verdicts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("batches")
    void batch(String name, Caller caller, String submissions, List<String> expected) {
        List<Verdict> verdicts = CheckpointIntake.decide(caller, parse(submissions), KNOWN, WINDOW, NOW);

        assertThat(verdicts).extracting(v -> v.status() == REJECTED ? "REJECTED " + v.reason() : v.status().name())
                .isEqualTo(expected);
        assertThat(verdicts).allSatisfy(v -> assertThat(v.event() != null).as("only ACCEPTED is to be published")
                .isEqualTo(v.status() == ACCEPTED));
    }

    @Test
    void anAcceptedEventIsStampedWithItsShipmentAndTheServerTime() {
        Verdict verdict = CheckpointIntake.decide(ACME, parse("A:e1:PRIMARY@-2"), KNOWN, WINDOW, NOW).get(0);

        CheckpointRecorded event = verdict.event();
        assertThat(event.eventId()).isEqualTo(id("e1"));
        assertThat(event.shipmentId()).isEqualTo("A");
        assertThat(event.carrierId()).isEqualTo("acme");
        assertThat(event.crossingId()).isEqualTo("laredo-world-trade-bridge");
        assertThat(event.direction()).isEqualTo(Direction.NORTHBOUND);
        assertThat(event.laneType()).isEqualTo(LaneType.FAST);
        assertThat(event.checkpointType()).isEqualTo(CheckpointType.PRIMARY_INSPECTION);
        assertThat(event.occurredAt()).isEqualTo(NOW.minusSeconds(120));
        assertThat(event.recordedAt()).isEqualTo(NOW);
        assertThat(verdict.fingerprint()).isEqualTo(CheckpointFingerprint.of("A", report("e1",
                CheckpointType.PRIMARY_INSPECTION, NOW.minusSeconds(120))));
    }

    @Test
    void onlyWhatPassesTheChecksWithoutLookupIsLookedUp() {
        List<Submission> batch = parse("? A:e1:QUEUE@60 B:e2:QUEUE@-10 X:e3:QUEUE@-10000000");
        assertThat(CheckpointIntake.toLookUp(batch, WINDOW, NOW)).extracting(Submission::shipmentId)
                .containsExactly("B");
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        assertThat(CheckpointIntake.batchSizeRefusal(1000, 1000)).isEmpty();
        assertThat(CheckpointIntake.batchSizeRefusal(1001, 1000)).hasValueSatisfying(r -> {
            assertThat(r.reason()).isEqualTo(Rejection.Reason.BATCH_TOO_LARGE);
            assertThat(r.detail()).isEqualTo("1001 events in one batch; at most 1000");
        });
    }

    @Test
    void aRepeatSentWithNanosecondsIsTheSameFactAsItsStoredCopy() {
        CheckpointFingerprint stored = CheckpointFingerprint.of("A",
                report("e1", CheckpointType.QUEUE_ENTERED, Instant.parse("2026-11-27T17:50:00.123456Z")));
        CheckpointIntake.Known known = new CheckpointIntake.Known(SHIPMENTS,
                eventId -> eventId.equals(id("e1")) ? Optional.of(stored) : Optional.empty());
        Submission repeat = Submission.of("A",
                report("e1", CheckpointType.QUEUE_ENTERED, Instant.parse("2026-11-27T17:50:00.123456789Z")));

        assertThat(CheckpointIntake.decide(ACME, List.of(repeat), known, WINDOW, NOW))
                .extracting(Verdict::status).containsExactly(DUPLICATE);
    }

    private static List<Submission> parse(String submissions) {
        return Arrays.stream(submissions.split(" ")).map(spec -> {
            if (spec.equals("?")) {
                return Submission.unreadable("unknown-value");
            }
            String[] parts = spec.split("[:@]");
            CheckpointType type = Arrays.stream(CheckpointType.values()).filter(t -> t.name().startsWith(parts[2]))
                    .findFirst().orElseThrow();
            return Submission.of(parts[0], report(parts[1], type, NOW.plus(Duration.ofMinutes(Long.parseLong(parts[3])))));
        }).toList();
    }

    private static CheckpointReport report(String event, CheckpointType type, Instant occurredAt) {
        return new CheckpointReport(id(event), type, occurredAt, CheckpointSource.RFID, null);
    }

    private static UUID id(String event) {
        return UUID.nameUUIDFromBytes(event.getBytes());
    }

    private static Shipment shipment(String id, String carrierId) {
        Instant registered = NOW.minus(Duration.ofHours(2));
        return new Shipment(id, carrierId, "laredo-world-trade-bridge", Direction.NORTHBOUND, LaneType.FAST,
                NOW.plus(Duration.ofHours(1)), Map.of(), 1, registered, registered);
    }
}
