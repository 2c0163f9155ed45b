package io.borderflow.ingest.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.events.ShipmentRegistered;
import io.borderflow.events.ShipmentUpdated;
import io.borderflow.events.Topics;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.events.serde.EventJson;
import io.borderflow.ingest.domain.Caller;
import io.borderflow.ingest.domain.Page;
import io.borderflow.ingest.domain.Rejection;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.ShipmentAccess;
import io.borderflow.ingest.domain.ShipmentChanges;
import io.borderflow.ingest.domain.ShipmentQuery;
import io.borderflow.ingest.domain.ShipmentRegistration;
import io.borderflow.ingest.domain.Timestamps;
import io.borderflow.ingest.repository.ShipmentEntity;
import io.borderflow.ingest.repository.ShipmentRepository;
import io.borderflow.support.outbox.Outbox;
import io.borderflow.support.outbox.OutboxMessage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Registers and changes shipments. Every change writes the shipment and its event to the outbox in one
 * transaction (never persist-then-send); {@code OutboxRelay} publishes it.
 */
@ApplicationScoped
public class ShipmentService {

    private static final ObjectWriter SHIPMENT_EVENT_JSON = EventJson.mapper().writerFor(ShipmentEvent.class);
    /** Header naming the event type on shipments.v1, so a consumer can route without parsing the value. */
    private static final String EVENT_TYPE_HEADER = "event-type";

    private final ShipmentRepository shipments;
    private final Outbox outbox;
    private final CrossingCatalog catalog;

    public ShipmentService(ShipmentRepository shipments, Outbox outbox, CrossingCatalog catalog) {
        this.shipments = shipments;
        this.outbox = outbox;
        this.catalog = catalog;
    }

    /** The shipment, and whether this call created it (false: an identical repeat). */
    public record Registration(Shipment shipment, boolean created) {
    }

    public Uni<Registration> register(Caller caller, ShipmentRegistration request) {
        if (!catalog.contains(request.crossingId())) {
            return Uni.createFrom().failure(Rejection.unknownCrossing(request.crossingId()).exception());
        }
        ShipmentRegistration registration = atStoredPrecision(request);
        return Panache.withTransaction(() -> shipments.findForUpdate(registration.shipmentId())
                        .chain(existing -> existing == null
                                ? create(caller, registration)
                                : Uni.createFrom().item(() -> repeat(caller, registration, existing))))
                // two first registrations raced: the loser reads the winner's row
                .onFailure(ShipmentService::isUniqueViolation).recoverWithUni(() -> Panache.withSession(
                        () -> shipments.findById(registration.shipmentId())
                                .map(existing -> repeat(caller, registration, existing))));
    }

    public Uni<Shipment> update(Caller caller, String shipmentId, ShipmentChanges request) {
        ShipmentChanges changes = new ShipmentChanges(
                Timestamps.stored(request.plannedArrival()),
                request.laneType(), request.referenceNumbers());
        return Panache.withTransaction(() -> shipments.findForUpdate(shipmentId).chain(entity -> {
            ShipmentAccess.writable(caller, shipmentId, entity == null ? null : entity.toShipment());
            Instant now = Timestamps.now();
            if (!entity.apply(changes, now)) {
                return Uni.createFrom().item(entity.toShipment());
            }
            Shipment changed = entity.toShipment();
            return outbox.append(outboxRow(updated(changed, now))).replaceWith(changed);
        }));
    }

    public Uni<Shipment> find(Caller caller, String shipmentId) {
        return Panache.withSession(() -> shipments.findById(shipmentId)).map(entity ->
                ShipmentAccess.readable(caller, shipmentId, entity == null ? null : entity.toShipment()));
    }

    public Uni<Page<Shipment>> search(Caller caller, ShipmentQuery query) {
        ShipmentQuery visible = caller.seesAll() ? query : new ShipmentQuery(caller.carrierId(), query.crossingId(),
                query.status(), query.from(), query.to(), query.page(), query.size());
        return Panache.withSession(() -> shipments.search(visible));
    }

    private Uni<Registration> create(Caller caller, ShipmentRegistration registration) {
        Instant now = Timestamps.now();
        ShipmentEntity entity = ShipmentEntity.registered(caller.carrierId(), registration, now);
        Shipment shipment = entity.toShipment();
        return shipments.persist(entity)
                .chain(() -> outbox.append(outboxRow(registered(shipment, now))))
                .call(() -> shipments.flush())
                .replaceWith(new Registration(shipment, true));
    }

    private static Registration repeat(Caller caller, ShipmentRegistration registration, ShipmentEntity existing) {
        return new Registration(ShipmentAccess.registeredAgain(caller, registration, existing.toShipment()), false);
    }

    private static ShipmentRegistered registered(Shipment s, Instant now) {
        return new ShipmentRegistered(UUID.randomUUID(), now, ShipmentRegistered.SCHEMA_VERSION, s.shipmentId(),
                s.carrierId(), s.crossingId(), s.direction(), s.laneType(), s.plannedArrival(), s.referenceNumbers(),
                s.revision());
    }

    private static ShipmentUpdated updated(Shipment s, Instant now) {
        return new ShipmentUpdated(UUID.randomUUID(), now, ShipmentUpdated.SCHEMA_VERSION, s.shipmentId(),
                s.carrierId(), s.crossingId(), s.direction(), s.laneType(), s.plannedArrival(), s.referenceNumbers(),
                s.revision());
    }

    private static OutboxMessage outboxRow(ShipmentEvent event) {
        try {
            return OutboxMessage.of(Topics.SHIPMENTS, event.shipmentId(), SHIPMENT_EVENT_JSON.writeValueAsString(event))
                    .withHeader(EVENT_TYPE_HEADER, event.getClass().getSimpleName());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName(), e);
        }
    }

    /** A repeat sent with nanoseconds must still compare equal to what was stored. */
    private static ShipmentRegistration atStoredPrecision(ShipmentRegistration r) {
        return new ShipmentRegistration(r.shipmentId(), r.crossingId(), r.direction(), r.laneType(),
                Timestamps.stored(r.plannedArrival()), r.referenceNumbers());
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || String.valueOf(t.getMessage()).contains("23505")) {
                return true;
            }
        }
        return false;
    }
}
