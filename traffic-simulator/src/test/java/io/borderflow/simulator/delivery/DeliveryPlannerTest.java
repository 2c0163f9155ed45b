package io.borderflow.simulator.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.simulator.traffic.Imperfections;
import io.borderflow.simulator.traffic.Journey;
import io.borderflow.simulator.traffic.TrafficGenerator;
import io.borderflow.simulator.traffic.TrafficProfile;
import io.borderflow.simulator.traffic.TrafficSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeliveryPlannerTest {

    private static final Instant START = Instant.parse("2026-07-07T14:00:00Z");
    private static final List<Journey> JOURNEYS = journeys();

    private static List<Journey> journeys() {
        CrossingCatalog catalog = CrossingCatalog.load();
        TrafficSettings settings = TrafficSettings.defaults(11, "P").withEpisodes(TrafficSettings.EpisodePlan.NONE)
                .withImperfections(Imperfections.NONE);
        return new TrafficGenerator(catalog, TrafficProfile.load(catalog, true), settings, START)
                .advanceTo(START.plus(Duration.ofHours(24)));
    }

    private static List<Delivery> planAll(DeliveryPlanner planner) {
        List<Delivery> deliveries = new ArrayList<>();
        JOURNEYS.forEach(j -> deliveries.addAll(planner.plan(j)));
        return deliveries;
    }

    @Test
    void withoutImperfectionsEveryCheckpointIsDeliveredOnceWhenItHappens() {
        List<Delivery> deliveries = planAll(new DeliveryPlanner(Imperfections.NONE, 1, START));
        long checkpoints = JOURNEYS.stream().mapToLong(j -> j.checkpoints().size()).sum();
        assertThat(deliveries.stream().filter(d -> !d.isRegistration())).hasSize((int) checkpoints)
                .allSatisfy(d -> assertThat(d.due()).isEqualTo(d.checkpoint().occurredAt()));
        assertThat(deliveries.stream().filter(Delivery::isRegistration)).hasSize(JOURNEYS.size());
    }

    @Test
    void missingDuplicateAndLateCheckpointsHappenAtTheConfiguredRates() {
        DeliveryPlanner planner = new DeliveryPlanner(new Imperfections(0.05, 0.08, 0.03, 0), 2, START);
        List<Delivery> deliveries = planAll(planner);
        long planned = planner.planned();
        assertThat(planned).isGreaterThan(50_000);

        Map<UUID, Integer> copies = new HashMap<>();
        long late = 0;
        for (Delivery delivery : deliveries) {
            if (!delivery.isRegistration()) {
                copies.merge(delivery.checkpoint().eventId(), 1, Integer::sum);
            }
        }
        long delivered = copies.size();
        long repeated = copies.values().stream().filter(n -> n > 1).count();
        for (Delivery delivery : deliveries) {
            if (!delivery.isRegistration() && copies.get(delivery.checkpoint().eventId()) == 1
                    && delivery.due().isAfter(delivery.checkpoint().occurredAt())) {
                late++;
            }
        }
        assertThat((double) (planned - delivered) / planned).isCloseTo(0.03, withPercentage(10));
        assertThat((double) repeated / delivered).isCloseTo(0.05, withPercentage(10));
        assertThat((double) late / (delivered - repeated)).isCloseTo(0.08, withPercentage(10));
        assertThat(planner.missing()).isEqualTo(planned - delivered);
        assertThat(planner.duplicated()).isEqualTo(repeated);
    }

    @Test
    void lateCheckpointsOftenArriveAfterTheTrucksNextCheckpoint() {
        List<Delivery> deliveries = planAll(new DeliveryPlanner(new Imperfections(0, 0.2, 0, 0), 3, START));
        Map<String, List<Delivery>> byShipment = new HashMap<>();
        deliveries.stream().filter(d -> !d.isRegistration())
                .forEach(d -> byShipment.computeIfAbsent(d.shipment().shipmentId(), k -> new ArrayList<>()).add(d));
        long outOfOrder = byShipment.values().stream().filter(list -> {
            List<Delivery> byArrival = list.stream().sorted(Comparator.comparing(Delivery::due)).toList();
            for (int i = 1; i < byArrival.size(); i++) {
                if (byArrival.get(i).checkpoint().occurredAt().isBefore(byArrival.get(i - 1).checkpoint().occurredAt())) {
                    return true;
                }
            }
            return false;
        }).count();
        assertThat(outOfOrder).as("shipments whose checkpoints arrive out of event-time order").isGreaterThan(1000);
    }

    @Test
    void aShipmentIsRegisteredBeforeItsFirstCheckpointAndNeverBeforeTheRunStarts() {
        List<Delivery> deliveries = planAll(new DeliveryPlanner(Imperfections.DEFAULT, 4, START));
        Map<String, Instant> registeredAt = new HashMap<>();
        deliveries.stream().filter(Delivery::isRegistration)
                .forEach(d -> registeredAt.put(d.shipment().shipmentId(), d.due()));
        assertThat(registeredAt.values()).allSatisfy(at -> assertThat(at).isAfterOrEqualTo(START));
        assertThat(deliveries).filteredOn(d -> !d.isRegistration())
                .allSatisfy(d -> assertThat(d.due()).isAfterOrEqualTo(registeredAt.get(d.shipment().shipmentId())));
    }
}
