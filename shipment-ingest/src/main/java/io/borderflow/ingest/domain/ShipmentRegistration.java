package io.borderflow.ingest.domain;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What a carrier sends to register a shipment; the carrier comes from its token, never from here. */
public record ShipmentRegistration(
        @NotBlank @Pattern(regexp = ShipmentRegistration.SHIPMENT_ID, message = "must be 1-64 letters, digits, '.', '_' or '-'")
        String shipmentId,
        @NotBlank String crossingId,
        @NotNull Direction direction,
        @NotNull LaneType laneType,
        @NotNull Instant plannedArrival,
        @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotBlank @Size(max = 128) String> referenceNumbers) {

    public static final String SHIPMENT_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    public Map<String, String> referenceNumbersOrEmpty() {
        return referenceNumbers == null ? Map.of() : referenceNumbers;
    }

    /** A repeat is harmless when it describes the shipment exactly as it stands. */
    public boolean describes(Shipment shipment) {
        return crossingId.equals(shipment.crossingId())
                && direction == shipment.direction()
                && laneType == shipment.laneType()
                && plannedArrival.equals(shipment.plannedArrival())
                && Objects.equals(referenceNumbersOrEmpty(), shipment.referenceNumbers());
    }
}
