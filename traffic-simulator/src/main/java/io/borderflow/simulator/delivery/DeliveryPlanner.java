package io.borderflow.simulator.delivery;

import io.borderflow.simulator.traffic.Imperfections;
import io.borderflow.simulator.traffic.Journey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns journeys into the requests carriers' systems make, with the imperfections of real integrations:
 * checkpoints that never arrive, arrive late (often after the truck's next one) or arrive twice. Registration
 * comes first, at the latest when the run starts.
 */
public final class DeliveryPlanner {

    static final Duration MIN_LATE = Duration.ofMinutes(5);
    static final Duration MAX_LATE = Duration.ofMinutes(40);
    static final Duration MAX_REPEAT_AFTER = Duration.ofMinutes(10);

    private final Imperfections imperfections;
    private final Random random;
    private final Instant runStart;
    private long order;
    private long planned;
    private long missing;
    private long late;
    private long duplicated;

    public DeliveryPlanner(Imperfections imperfections, long seed, Instant runStart) {
        this.imperfections = imperfections;
        this.random = new Random(seed ^ 0x5DEECE66DL);
        this.runStart = runStart;
    }

    public List<Delivery> plan(Journey journey) {
        List<Delivery> deliveries = new ArrayList<>();
        Instant registerAt = journey.registerAt().isBefore(runStart) ? runStart : journey.registerAt();
        deliveries.add(new Delivery(registerAt, order++, journey.shipment(), null));
        for (Journey.Checkpoint checkpoint : journey.checkpoints()) {
            planned++;
            if (random.nextDouble() < imperfections.missingRate()) {
                missing++;
                continue;
            }
            Instant due = checkpoint.occurredAt();
            if (random.nextDouble() < imperfections.outOfOrderRate()) {
                late++;
                due = due.plus(between(MIN_LATE, MAX_LATE));
            }
            deliveries.add(new Delivery(due, order++, journey.shipment(), checkpoint));
            if (random.nextDouble() < imperfections.duplicateRate()) {
                duplicated++;
                deliveries.add(new Delivery(due.plus(between(Duration.ofSeconds(30), MAX_REPEAT_AFTER)), order++,
                        journey.shipment(), checkpoint));
            }
        }
        return deliveries;
    }

    /** Checkpoints the journeys had, before imperfections. */
    public long planned() {
        return planned;
    }

    public long missing() {
        return missing;
    }

    public long late() {
        return late;
    }

    public long duplicated() {
        return duplicated;
    }

    private Duration between(Duration min, Duration max) {
        long span = max.minus(min).toSeconds();
        return min.plusSeconds((long) (random.nextDouble() * span));
    }
}
