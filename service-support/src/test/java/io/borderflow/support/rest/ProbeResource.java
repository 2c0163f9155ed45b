package io.borderflow.support.rest;

import io.borderflow.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** A stand-in service edge: what the real services' resources do, reduced to what the mappers see. */
@Path("/probe")
public class ProbeResource {

    public enum Lane { STANDARD, FAST }

    public record Stop(@NotBlank String crossingId) {
    }

    public record Registration(@NotBlank String shipmentId, @NotNull Lane lane, @Positive int trucks,
            List<@Valid Stop> stops) {
    }

    @Inject
    JsonWebToken token;

    @POST
    @Path("/registrations")
    public Registration register(@Valid @NotNull Registration registration) {
        return registration;
    }

    @GET
    @Path("/board")
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public String board() {
        return "board";
    }

    @POST
    @Path("/acknowledgements")
    @RolesAllowed({Roles.ONCALL, Roles.ADMIN})
    public String acknowledge() {
        return "acknowledged";
    }

    @GET
    @Path("/rules")
    @RolesAllowed(Roles.ADMIN)
    public String rules() {
        return "rules";
    }

    @GET
    @Path("/own-carrier")
    @RolesAllowed(Roles.CARRIER)
    public String ownCarrier() {
        return token.getClaim(Roles.CARRIER_ID_CLAIM);
    }

    @GET
    @Path("/shipments/{id}")
    public String shipment(@PathParam("id") String id) {
        throw new NotFoundException("no shipment " + id);
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw new ProblemException(409, "shipment-conflict", "Shipment conflict", "SHP-1 has another carrier");
    }
}
