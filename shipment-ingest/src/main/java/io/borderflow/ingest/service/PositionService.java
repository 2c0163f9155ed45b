package io.borderflow.ingest.service;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.Caller;
import io.borderflow.ingest.domain.EventTimeWindow;
import io.borderflow.ingest.domain.PositionIntake;
import io.borderflow.ingest.domain.PositionVerdict;
import io.borderflow.ingest.domain.ReceiptStatus;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.Timestamps;
import io.borderflow.ingest.messaging.BrokerAcknowledgements;
import io.borderflow.ingest.messaging.PositionPublisher;
import io.borderflow.ingest.repository.RecentPositions;
import io.borderflow.ingest.repository.ShipmentEntity;
import io.borderflow.ingest.repository.ShipmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The positions hot path: looks up the shipment (PostgreSQL, read only), lets {@link PositionIntake} decide, and
 * produces the accepted positions to positions.v1 <em>in time order</em> — the geofence derivation then sees each
 * batch's pings in order however the carrier listed them. Answers only after the broker acknowledged them all.
 */
@ApplicationScoped
public class PositionService {

    private final ShipmentRepository shipments;
    private final PositionPublisher publisher;
    private final BrokerAcknowledgements acknowledgements;
    private final RecentPositions recent;
    private final IngestMetrics metrics;
    private final EventTimeWindow timeWindow;
    private final int maxBatchSize;

    public PositionService(ShipmentRepository shipments, PositionPublisher publisher,
            BrokerAcknowledgements acknowledgements, RecentPositions recent, IngestMetrics metrics, IngestConfig config) {
        this.shipments = shipments;
        this.publisher = publisher;
        this.acknowledgements = acknowledgements;
        this.recent = recent;
        this.metrics = metrics;
        this.timeWindow = new EventTimeWindow(config.maxFutureSkew(), config.maxEventAge());
        this.maxBatchSize = config.maxBatchSize();
    }

    /** A verdict per submission, in order; a refused batch (too large, not the caller's shipment) fails the call. */
    public Uni<List<PositionVerdict>> record(Caller caller, String shipmentId, List<PositionIntake.Submission> batch) {
        Instant now = Timestamps.now();
        return Panache.withSession(() -> shipments.findById(shipmentId))
                .map(found -> {
                    Shipment shipment = found == null ? null : found.toShipment();
                    PositionIntake.batchRefusal(caller, shipmentId, shipment, batch.size(), maxBatchSize)
                            .ifPresent(refusal -> {
                                throw refusal.exception();
                            });
                    return PositionIntake.decide(shipment, batch, recent::find, timeWindow, now);
                })
                .chain(this::publish)
                .invoke(verdicts -> verdicts.forEach(v -> metrics.position(v.status().name().toLowerCase(),
                        v.reason(), 1)));
    }

    private Uni<List<PositionVerdict>> publish(List<PositionVerdict> verdicts) {
        List<PositionVerdict> toSend = verdicts.stream().filter(v -> v.status() == ReceiptStatus.ACCEPTED)
                .sorted(Comparator.comparing(v -> v.event().occurredAt())).toList();
        if (toSend.isEmpty()) {
            return Uni.createFrom().item(verdicts);
        }
        AtomicInteger acknowledged = new AtomicInteger();
        // one idempotent producer keeps the send order per partition: the pings stay in time order
        List<Uni<Void>> sends = toSend.stream().map(v -> publisher.publish(v.event()).invoke(() -> {
            recent.remember(v.event().eventId(), v.fingerprint());
            acknowledged.incrementAndGet();
        })).toList();
        return acknowledgements.all(sends).replaceWith(verdicts)
                .onFailure(BrokerUnavailableException.class).transform(failure -> {
                    BrokerUnavailableException cause = (BrokerUnavailableException) failure;
                    int missing = toSend.size() - acknowledged.get();
                    metrics.position("unavailable", "broker-unavailable", missing);
                    return new BrokerUnavailableException(cause.problem().detail() + "; " + acknowledged.get() + " of "
                            + toSend.size() + " positions acknowledged. Send them again: acknowledged ones answer"
                            + " DUPLICATE", cause.retryAfter(), cause.getCause());
                });
    }
}
