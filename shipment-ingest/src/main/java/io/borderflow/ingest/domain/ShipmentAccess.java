package io.borderflow.ingest.domain;

import java.util.Optional;

/**
 * Who may do what with a shipment ({@code null} when there is none). Reading takes {@link Caller#maySee},
 * writing — changing it, reporting its checkpoints — {@link Caller#owns}. A shipment the caller may not touch
 * is refused exactly like one that does not exist: another carrier's shipments are not its business.
 */
public final class ShipmentAccess {

    private ShipmentAccess() {
    }

    public static Optional<Rejection> readRefusal(Caller caller, String shipmentId, Shipment shipment) {
        return shipment != null && caller.maySee(shipment) ? Optional.empty()
                : Optional.of(Rejection.shipmentNotFound(shipmentId));
    }

    public static Optional<Rejection> writeRefusal(Caller caller, String shipmentId, Shipment shipment) {
        return shipment != null && caller.owns(shipment) ? Optional.empty()
                : Optional.of(Rejection.shipmentNotFound(shipmentId));
    }

    /** The shipment, if the caller may read it; else fails with {@link Rejected}. */
    public static Shipment readable(Caller caller, String shipmentId, Shipment shipment) {
        readRefusal(caller, shipmentId, shipment).ifPresent(refusal -> {
            throw refusal.exception();
        });
        return shipment;
    }

    /** The shipment, if the caller may write it; else fails with {@link Rejected}. */
    public static Shipment writable(Caller caller, String shipmentId, Shipment shipment) {
        writeRefusal(caller, shipmentId, shipment).ifPresent(refusal -> {
            throw refusal.exception();
        });
        return shipment;
    }

    /**
     * A registration of a shipment id that is already registered: harmless when the caller owns it and the
     * registration describes it exactly as it stands (the answer is the shipment); anything else — other
     * content, or another carrier's id, since shipment ids are global — is a conflict.
     */
    public static Shipment registeredAgain(Caller caller, ShipmentRegistration registration, Shipment existing) {
        if (!caller.owns(existing) || !registration.describes(existing)) {
            throw Rejection.shipmentConflict(registration.shipmentId()).exception();
        }
        return existing;
    }
}
