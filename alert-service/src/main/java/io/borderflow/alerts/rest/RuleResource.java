package io.borderflow.alerts.rest;

import io.borderflow.alerts.service.RuleService;
import io.borderflow.events.catalog.CrossingCatalog;
import io.borderflow.support.rest.ProblemException;
import io.borderflow.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Alert rules: admins write them; operators and on-call may read them. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

    private final RuleService rules;
    private final CrossingCatalog catalog;

    RuleResource(RuleService rules, CrossingCatalog catalog) {
        this.rules = rules;
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public Uni<List<RuleView>> list() {
        return rules.list().map(all -> all.stream().map(RuleResource::view).toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public Uni<RuleView> get(@PathParam("id") String id) {
        return rules.get(id).map(RuleResource::view);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> create(@Valid @NotNull RuleRequest request) {
        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        return rules.create(request.toRule(id, catalog)).map(stored -> Response
                .created(URI.create("/api/v1/rules/" + stored.rule().id())).entity(view(stored)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RuleView> replace(@PathParam("id") String id, @Valid @NotNull RuleRequest request) {
        if (request.id() != null && !request.id().equals(id)) {
            throw new ProblemException(400, "validation", "Request is not valid",
                    "the body's id " + request.id() + " differs from the path's " + id);
        }
        return rules.replace(request.toRule(id, catalog)).map(RuleResource::view);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public Uni<Response> delete(@PathParam("id") String id) {
        return rules.delete(id).map(ignored -> Response.noContent().build());
    }

    private static RuleView view(RuleService.StoredRule stored) {
        return RuleView.of(stored.rule(), stored.createdAt(), stored.updatedAt());
    }
}
