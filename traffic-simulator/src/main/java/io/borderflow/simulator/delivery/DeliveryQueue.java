package io.borderflow.simulator.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Deliveries waiting for simulated time to reach them, earliest first. */
public final class DeliveryQueue {

    private final PriorityQueue<Delivery> queue = new PriorityQueue<>(
            Comparator.comparing(Delivery::due).thenComparingLong(Delivery::order));

    public void addAll(List<Delivery> deliveries) {
        queue.addAll(deliveries);
    }

    public void add(Delivery delivery) {
        queue.add(delivery);
    }

    /** Removes and returns every delivery due at or before {@code now}, in due order. */
    public List<Delivery> pollDue(Instant now) {
        List<Delivery> due = new ArrayList<>();
        while (!queue.isEmpty() && !queue.peek().due().isAfter(now)) {
            due.add(queue.poll());
        }
        return due;
    }

    public int size() {
        return queue.size();
    }
}
