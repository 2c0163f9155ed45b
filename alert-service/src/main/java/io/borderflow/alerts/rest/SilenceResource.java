package io.borderflow.alerts.rest;

import io.borderflow.alerts.domain.Silence;
import io.borderflow.alerts.service.SilenceService;
import io.borderflow.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Silences, as in Alertmanager: label matchers and a time window; the author is the caller. */
@Path("/api/v1/silences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SilenceResource {

    /** {@code isEqual} defaults to true and {@code isRegex} to false, as in Alertmanager's API. */
    public record MatcherRequest(@NotBlank @Size(max = 100) String name, @NotNull @Size(max = 500) String value,
            Boolean isRegex, Boolean isEqual) {
        Silence.Matcher toMatcher() {
            return new Silence.Matcher(name, value, Boolean.TRUE.equals(isRegex), !Boolean.FALSE.equals(isEqual));
        }
    }

    /** {@code startsAt} defaults to now. */
    public record SilenceRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull MatcherRequest> matchers,
            Instant startsAt, @NotNull Instant endsAt, @NotBlank @Size(max = 1000) String comment) {
    }

    /** A silence with its status at the time of the request: {@code pending}, {@code active} or {@code expired}. */
    public record SilenceView(UUID id, List<Silence.Matcher> matchers, Instant startsAt, Instant endsAt,
            String createdBy, String comment, String status) {
        static SilenceView of(Silence silence, Instant now) {
            String status = silence.isActiveAt(now) ? "active" : now.isBefore(silence.startsAt()) ? "pending" : "expired";
            return new SilenceView(silence.id(), silence.matchers(), silence.startsAt(), silence.endsAt(),
                    silence.createdBy(), silence.comment(), status);
        }
    }

    private final SilenceService silences;
    private final SecurityIdentity identity;

    SilenceResource(SilenceService silences, SecurityIdentity identity) {
        this.silences = silences;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public Uni<List<SilenceView>> list() {
        return silences.all().map(all -> all.stream().map(s -> SilenceView.of(s, silences.now())).toList());
    }

    @POST
    @RolesAllowed({Roles.ONCALL, Roles.ADMIN})
    public Uni<Response> create(@Valid @NotNull SilenceRequest request) {
        return silences.create(request.matchers().stream().map(MatcherRequest::toMatcher).toList(),
                        request.startsAt(), request.endsAt(), identity.getPrincipal().getName(), request.comment())
                .map(silence -> Response.created(URI.create("/api/v1/silences/" + silence.id()))
                        .entity(SilenceView.of(silence, silences.now())).build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Roles.ONCALL, Roles.ADMIN})
    public Uni<Response> expire(@PathParam("id") UUID id) {
        return silences.expire(id).map(ignored -> Response.noContent().build());
    }
}
