package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.domain.advice.AdviceRequest;
import io.borderflow.analyzer.service.AdviceService;
import io.borderflow.analyzer.service.ShipmentBoard;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import io.borderflow.events.ShipmentEvent;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import io.borderflow.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Which crossing, and when: every crossing ranked by expected door-to-door time; every role may ask, a carrier
 * about its own shipments only.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN, Roles.CARRIER})
public class AdviceResource {

    private final AdviceService advice;
    private final ShipmentBoard shipments;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final AnalyzerConfig config;
    private final Clock clock;

    AdviceResource(AdviceService advice, ShipmentBoard shipments, SecurityIdentity identity, JsonWebToken token,
            AnalyzerConfig config, Clock clock) {
        this.advice = advice;
        this.shipments = shipments;
        this.identity = identity;
        this.token = token;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("advice")
    public Uni<AdviceView> advice(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("direction") String direction, @QueryParam("laneType") String laneType,
            @QueryParam("departAt") String departAt) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Route route = route(from, to, departAt, errors);
        Direction dir = choice("direction", direction, Direction.class, Direction.NORTHBOUND, errors);
        LaneType lane = choice("laneType", laneType, LaneType.class, LaneType.STANDARD, errors);
        refuseIfAny(errors);
        AdviceRequest request = new AdviceRequest(route.from(), route.to(), dir, lane,
                route.departAt() != null ? route.departAt() : clock.instant());
        return advice.advise(request).map(result -> AdviceView.of(request, null, null, result));
    }

    /**
     * Advice for a registered shipment: its direction and lane type; unless {@code departAt} is given, it leaves
     * {@code from} in time to reach its planned crossing at its planned arrival (not before now). A carrier sees only
     * its own shipments: another carrier's answers 404, as does one this instance does not hold (see ShipmentBoard).
     */
    @GET
    @Path("shipments/{id}/advice")
    public Uni<AdviceView> shipmentAdvice(@PathParam("id") String id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("departAt") String departAt) {
        ShipmentEvent shipment = shipments.of(id).filter(this::maySee).orElseThrow(() -> new ProblemException(404,
                "shipment-not-found", "Shipment not found", "no shipment " + id + " on its way that you may see"));
        List<Problem.FieldError> errors = new ArrayList<>();
        Route route = route(from, to, departAt, errors);
        refuseIfAny(errors);
        AdviceRequest request = advice.forShipment(shipment, route.from(), route.to(), route.departAt());
        return advice.advise(request).map(result -> AdviceView.of(request, id, shipment.crossingId(), result));
    }

    private boolean maySee(ShipmentEvent shipment) {
        if (identity.hasRole(Roles.OPERATOR) || identity.hasRole(Roles.ONCALL) || identity.hasRole(Roles.ADMIN)) {
            return true;
        }
        Object carrier = token.getClaim(Roles.CARRIER_ID_CLAIM);
        return carrier != null && shipment.carrierId().equals(carrier.toString());
    }

    /** from, to and departAt (null when not given), each checked; all bad ones are named at once. */
    private record Route(GeoPoint from, GeoPoint to, Instant departAt) {
    }

    private Route route(String from, String to, String departAt, List<Problem.FieldError> errors) {
        GeoPoint origin = point("from", from, errors);
        GeoPoint destination = point("to", to, errors);
        if (origin != null && origin.equals(destination)) {
            errors.add(new Problem.FieldError("to", "must differ from from"));
        }
        Instant now = clock.instant();
        Instant departure = null;
        if (departAt != null && !departAt.isBlank()) {
            try {
                departure = Instant.parse(departAt.trim());
                if (departure.isBefore(now.minus(config.advice().maxDepartureInPast()))) {
                    errors.add(new Problem.FieldError("departAt",
                            "must not be more than " + config.advice().maxDepartureInPast() + " in the past"));
                } else if (departure.isAfter(now.plus(config.advice().maxDepartureAhead()))) {
                    errors.add(new Problem.FieldError("departAt",
                            "must not be more than " + config.advice().maxDepartureAhead() + " ahead"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("departAt", "must be an ISO-8601 instant such as 2026-11-27T18:00:00Z"));
            }
        }
        return new Route(origin, destination, departure);
    }

    private static void refuseIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-query", "Invalid query parameter",
                    "bad parameter(s): " + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()))
                    .withErrors(errors));
        }
    }

    /** {@code lat,lon} in decimal degrees. */
    private static GeoPoint point(String name, String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Problem.FieldError(name, "is required, as lat,lon in decimal degrees"));
            return null;
        }
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                double lat = Double.parseDouble(parts[0].trim());
                double lon = Double.parseDouble(parts[1].trim());
                if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || !Double.isFinite(lat) || !Double.isFinite(lon)) {
                    errors.add(new Problem.FieldError(name, "latitude must be within [-90, 90] and longitude within "
                            + "[-180, 180]: " + text));
                    return null;
                }
                return new GeoPoint(lat, lon);
            }
        } catch (NumberFormatException e) {
            // falls through to the format error
        }
        errors.add(new Problem.FieldError(name, "must be lat,lon in decimal degrees, e.g. 25.6866,-100.3161: " + text));
        return null;
    }

    private static <E extends Enum<E>> E choice(String name, String text, Class<E> type, E otherwise,
            List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
