package io.borderflow.analyzer.rest;

import io.borderflow.analyzer.config.AnalyzerConfig;
import io.borderflow.analyzer.domain.advice.AdviceRequest;
import io.borderflow.analyzer.service.AdviceService;
import io.borderflow.events.Direction;
import io.borderflow.events.GeoPoint;
import io.borderflow.events.LaneType;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import io.borderflow.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which crossing, and when: every crossing ranked by expected door-to-door time; every role may ask. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN, Roles.CARRIER})
public class AdviceResource {

    private final AdviceService advice;
    private final AnalyzerConfig config;
    private final Clock clock;

    AdviceResource(AdviceService advice, AnalyzerConfig config, Clock clock) {
        this.advice = advice;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("advice")
    public Uni<AdviceView> advice(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("direction") String direction, @QueryParam("laneType") String laneType,
            @QueryParam("departAt") String departAt) {
        AdviceRequest request = parse(from, to, direction, laneType, departAt);
        return advice.advise(request).map(result -> AdviceView.of(request, null, result));
    }

    /** All parameters at once, so one answer names every bad one. */
    private AdviceRequest parse(String from, String to, String direction, String laneType, String departAt) {
        List<Problem.FieldError> errors = new ArrayList<>();
        GeoPoint origin = point("from", from, errors);
        GeoPoint destination = point("to", to, errors);
        if (origin != null && origin.equals(destination)) {
            errors.add(new Problem.FieldError("to", "must differ from from"));
        }
        Direction dir = choice("direction", direction, Direction.class, Direction.NORTHBOUND, errors);
        LaneType lane = choice("laneType", laneType, LaneType.class, LaneType.STANDARD, errors);
        Instant now = clock.instant();
        Instant departure = now;
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
        if (!errors.isEmpty()) {
            throw new ProblemException(Problem.of(400, "invalid-query", "Invalid query parameter",
                    "bad parameter(s): " + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()))
                    .withErrors(errors));
        }
        return new AdviceRequest(origin, destination, dir, lane, departure);
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
