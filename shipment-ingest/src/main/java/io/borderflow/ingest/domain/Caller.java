package io.borderflow.ingest.domain;

/**
 * Who calls, from the bearer token. A carrier ({@code carrierId} set, {@code seesAll} false) is confined to
 * its own shipments; operators, on-call staff and admins read every shipment.
 */
public record Caller(String name, String carrierId, boolean seesAll) {

    /** Whether this caller may read the shipment; another carrier's shipment is as good as unknown. */
    public boolean maySee(Shipment shipment) {
        return seesAll || owns(shipment);
    }

    /** Whether this caller is the carrier of the shipment, which writing to it requires. */
    public boolean owns(Shipment shipment) {
        return carrierId != null && carrierId.equals(shipment.carrierId());
    }
}
