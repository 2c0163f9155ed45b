package io.borderflow.simulator.delivery;

import io.borderflow.simulator.traffic.Journey;
import java.time.Instant;

/**
 * One request a carrier's system will make when simulated time reaches {@code due}: register a shipment, or
 * report one checkpoint of it. {@code order} keeps deliveries due at the same instant in planning order.
 */
public record Delivery(Instant due, long order, Journey.Shipment shipment, Journey.Checkpoint checkpoint) {

    public boolean isRegistration() {
        return checkpoint == null;
    }

    public Delivery dueAt(Instant when, long newOrder) {
        return new Delivery(when, newOrder, shipment, checkpoint);
    }
}
