package io.borderflow.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One valid instance of every event, for serde tests. */
public final class Samples {

    static final Instant T0 = Instant.parse("2026-03-08T07:30:00Z");

    public static ShipmentRegistered shipmentRegistered() {
        return new ShipmentRegistered(UUID.randomUUID(), T0, 1, "SHP-1", "acme", "laredo-world-trade-bridge",
                Direction.NORTHBOUND, LaneType.FAST, T0.plusSeconds(3600), Map.of("billOfLading", "BOL-77"), 1);
    }

    public static ShipmentUpdated shipmentUpdated() {
        return new ShipmentUpdated(UUID.randomUUID(), T0, 1, "SHP-1", "acme", "laredo-world-trade-bridge",
                Direction.NORTHBOUND, LaneType.STANDARD, T0.plusSeconds(7200), Map.of(), 2);
    }

    public static CheckpointRecorded checkpointRecorded() {
        return new CheckpointRecorded(UUID.randomUUID(), T0, 1, "SHP-1", "acme", "otay-mesa",
                Direction.NORTHBOUND, LaneType.STANDARD, CheckpointType.QUEUE_ENTERED, CheckpointSource.RFID,
                new GeoPoint(32.55, -116.939), T0.plusSeconds(2));
    }

    public static CrossingDelayUpdated crossingDelayUpdated() {
        return new CrossingDelayUpdated(UUID.randomUUID(), T0, 1, "pharr-reynosa", Direction.NORTHBOUND,
                LaneType.STANDARD, 60, new SampleStatistics(3, 30.0, 28.0, 41.0, 41.0), SampleStatistics.EMPTY,
                4, 35.5, 35.5, 10.0, null, null, null, false, T0.minusSeconds(60), 40, 4.5);
    }

    public static ShipmentDelayUpdated shipmentDelayUpdated() {
        return new ShipmentDelayUpdated(UUID.randomUUID(), T0, 1, "SHP-1", "acme", "pharr-reynosa",
                Direction.NORTHBOUND, LaneType.FAST, JourneyStatus.EXITED, CheckpointType.PORT_EXITED, T0,
                T0.minusSeconds(3000), 30.0, 50.0, 40.0, 10.0);
    }

    public static AlertStateChanged alertStateChanged() {
        return new AlertStateChanged(UUID.randomUUID(), T0, 1, "a1b2c3", "live-wait-critical", Severity.CRITICAL,
                AlertState.PENDING, AlertState.FIRING, Map.of("crossing", "pharr-reynosa"),
                Map.of("summary", "Live wait over 180 min"), 195.0, T0.minusSeconds(600), T0, null, null, null);
    }

    public static BorderWaitReported borderWaitReported() {
        return BorderWaitReported.of(T0, new SeriesKey("laredo-world-trade-bridge", Direction.NORTHBOUND,
                LaneType.FAST), "230404", ReportedStatus.DELAY, 45, 4, 16, true, T0);
    }

    private Samples() {
    }
}
