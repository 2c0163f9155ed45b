package io.borderflow.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may read and who may write a shipment of acme's (or one that does not exist), one row per caller. */
class ShipmentAccessTest {

    private static final Instant T = Instant.parse("2026-11-27T18:00:00Z");
    private static final Shipment ACMES = new Shipment("SHP-1", "acme", "laredo-world-trade-bridge",
            Direction.NORTHBOUND, LaneType.FAST, T, Map.of("billOfLading", "BOL-1"), 1, T, T);

    static Stream<Arguments> callers() {
        return Stream.of(
                // name, caller, shipment, may read, may write
                Arguments.of("its carrier reads and writes it", carrier("acme"), ACMES, true, true),
                Arguments.of("another carrier neither reads nor writes it", carrier("globex"), ACMES, false, false),
                Arguments.of("an operator reads it, writes none", new Caller("op", null, true), ACMES, true, false),
                Arguments.of("a carrier without carrier id touches nothing", new Caller("x", null, false), ACMES,
                        false, false),
                Arguments.of("its carrier, also operator, reads and writes it", new Caller("both", "acme", true), ACMES,
                        true, true),
                Arguments.of("nobody reads an unknown shipment", new Caller("op", null, true), null, false, false),
                Arguments.of("nobody writes an unknown shipment", carrier("acme"), null, false, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callers")
    void access(String name, Caller caller, Shipment shipment, boolean mayRead, boolean mayWrite) {
        assertThat(ShipmentAccess.readRefusal(caller, "SHP-1", shipment).isEmpty()).as("may read").isEqualTo(mayRead);
        assertThat(ShipmentAccess.writeRefusal(caller, "SHP-1", shipment).isEmpty()).as("may write")
                .isEqualTo(mayWrite);
        // a refusal never tells a shipment that exists from one that does not
        ShipmentAccess.readRefusal(caller, "SHP-1", shipment).ifPresent(refusal ->
                assertThat(refusal).isEqualTo(Rejection.shipmentNotFound("SHP-1")));
        ShipmentAccess.writeRefusal(caller, "SHP-1", shipment).ifPresent(refusal ->
                assertThat(refusal).isEqualTo(Rejection.shipmentNotFound("SHP-1")));
    }

    @Test
    void readableAndWritableFailWithTheRefusal() {
        assertThat(ShipmentAccess.readable(carrier("acme"), "SHP-1", ACMES)).isSameAs(ACMES);
        assertThatThrownBy(() -> ShipmentAccess.writable(carrier("globex"), "SHP-1", ACMES))
                .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.rejection().reason())
                        .isEqualTo(Rejection.Reason.SHIPMENT_NOT_FOUND));
    }

    static Stream<Arguments> registrations() {
        return Stream.of(
                // name, caller, registration, harmless repeat
                Arguments.of("its carrier repeating it exactly", carrier("acme"), registration(LaneType.FAST, T), true),
                Arguments.of("its carrier with another lane type", carrier("acme"), registration(LaneType.STANDARD, T),
                        false),
                Arguments.of("its carrier with another planned arrival", carrier("acme"),
                        registration(LaneType.FAST, T.plusSeconds(60)), false),
                Arguments.of("another carrier with the same content (ids are global)", carrier("globex"),
                        registration(LaneType.FAST, T), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registrations")
    void registeringAgain(String name, Caller caller, ShipmentRegistration registration, boolean harmless) {
        if (harmless) {
            assertThat(ShipmentAccess.registeredAgain(caller, registration, ACMES)).isSameAs(ACMES);
        } else {
            assertThatThrownBy(() -> ShipmentAccess.registeredAgain(caller, registration, ACMES))
                    .isInstanceOfSatisfying(Rejected.class, e -> assertThat(e.rejection())
                            .isEqualTo(Rejection.shipmentConflict("SHP-1")));
        }
    }

    private static Caller carrier(String carrierId) {
        return new Caller("dispatch@" + carrierId, carrierId, false);
    }

    private static ShipmentRegistration registration(LaneType laneType, Instant plannedArrival) {
        return new ShipmentRegistration("SHP-1", "laredo-world-trade-bridge", Direction.NORTHBOUND, laneType,
                plannedArrival, Map.of("billOfLading", "BOL-1"));
    }
}
