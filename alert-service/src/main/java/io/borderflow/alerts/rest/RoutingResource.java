package io.borderflow.alerts.rest;

import io.borderflow.alerts.service.RoutingService;
import io.borderflow.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The routing configuration, read and written whole as Alertmanager-style YAML ({@code route}, {@code receivers},
 * {@code inhibit_rules}). Every PUT is a new version, and so is a DELETE, which returns to every enabled channel
 * getting every alert; the answer carries the version in {@value #VERSION_HEADER}.
 */
@Path("/api/v1/routing")
public class RoutingResource {

    public static final String YAML = "application/yaml";
    public static final String VERSION_HEADER = "X-Routing-Version";

    private final RoutingService routing;
    private final SecurityIdentity identity;

    RoutingResource(RoutingService routing, SecurityIdentity identity) {
        this.routing = routing;
        this.identity = identity;
    }

    @GET
    @Produces(YAML)
    @RolesAllowed({Roles.ONCALL, Roles.ADMIN})
    public Uni<Response> get() {
        return routing.get().map(version -> Response.ok(version.routing().yaml(), YAML)
                .header(VERSION_HEADER, version.version()).build());
    }

    @PUT
    @Consumes({YAML, "application/x-yaml", "text/yaml"})
    @Produces(YAML)
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> replace(String yaml) {
        return routing.replace(yaml, identity.getPrincipal().getName()).map(version -> Response
                .ok(version.routing().yaml(), YAML).header(VERSION_HEADER, version.version()).build());
    }

    @DELETE
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> remove() {
        return routing.remove(identity.getPrincipal().getName())
                .map(version -> Response.noContent().header(VERSION_HEADER, version.version()).build());
    }
}
