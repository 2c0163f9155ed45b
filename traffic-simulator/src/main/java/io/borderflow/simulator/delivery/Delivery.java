package io.borderflow.simulator.delivery;

import io.borderflow.simulator.traffic.Journey;
import java.time.Instant;
import java.util.List;

/**
 * One request a carrier's system will make when simulated time reaches {@code due}: register a shipment, report one
 * checkpoint of it, or upload a batch of its truck's GPS positions. {@code order} keeps deliveries due at the same
 * instant in planning order.
 */
public record Delivery(Instant due, long order, Journey.Shipment shipment, Journey.Checkpoint checkpoint,
        List<Journey.Position> positions) {

    public Delivery(Instant due, long order, Journey.Shipment shipment, Journey.Checkpoint checkpoint) {
        this(due, order, shipment, checkpoint, null);
    }

    public boolean isRegistration() {
        return checkpoint == null && positions == null;
    }

    public boolean isPositions() {
        return positions != null;
    }

    public Delivery dueAt(Instant when, long newOrder) {
        return new Delivery(when, newOrder, shipment, checkpoint, positions);
    }
}
