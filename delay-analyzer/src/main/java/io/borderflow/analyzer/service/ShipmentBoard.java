package io.borderflow.analyzer.service;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.events.ShipmentEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipments advice can still help: the latest revision of every shipment on the compacted
 * {@code shipments.v1} whose planned arrival is at most {@code advice.shipment-retention} past. The topic keeps every
 * shipment ever registered; only those still on their way are held, so memory follows the traffic in flight, not
 * the topic's history.
 */
@ApplicationScoped
public class ShipmentBoard {

    private final Map<String, ShipmentEvent> latest = new ConcurrentHashMap<>();
    private final AnalyzerConfig config;
    private final Clock clock;

    ShipmentBoard(AnalyzerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Keeps the highest revision of a shipment (a replay never moves back); forgets it once long past. */
    public void accept(ShipmentEvent shipment) {
        ShipmentEvent kept = latest.merge(shipment.shipmentId(), shipment,
                (known, incoming) -> incoming.revision() < known.revision() ? known : incoming);
        if (past(kept, clock.instant())) {
            latest.remove(kept.shipmentId(), kept);
        }
    }

    public Optional<ShipmentEvent> of(String shipmentId) {
        return Optional.ofNullable(shipmentId == null ? null : latest.get(shipmentId));
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void forgetPastShipments() {
        Instant now = clock.instant();
        latest.values().removeIf(shipment -> past(shipment, now));
    }

    private boolean past(ShipmentEvent shipment, Instant now) {
        return shipment.plannedArrival().plus(config.advice().shipmentRetention()).isBefore(now);
    }
}
