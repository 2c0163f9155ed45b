package io.borderflow.alerts.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.borderflow.alerts.service.AlertEvaluator;
import io.borderflow.alerts.service.AlertQueries;
import io.borderflow.alerts.service.AlertStream;
import io.borderflow.alerts.service.AlertView;
import io.borderflow.events.AlertState;
import io.borderflow.events.Severity;
import io.borderflow.events.serde.EventJson;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemException;
import io.borderflow.support.rest.SseClients;
import io.borderflow.support.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;

/** On-call's view of alerts: list, detail with history, acknowledge, and a live stream. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** Body of an acknowledgement; optional. */
    public record AcknowledgeRequest(String comment) {
    }

    private final AlertQueries queries;
    private final AlertEvaluator evaluator;
    private final AlertStream stream;
    private final SecurityIdentity identity;
    private final SseClients sseClients;

    AlertResource(AlertQueries queries, AlertEvaluator evaluator, AlertStream stream, SecurityIdentity identity,
            SseClients sseClients) {
        this.queries = queries;
        this.evaluator = evaluator;
        this.stream = stream;
        this.identity = identity;
        this.sseClients = sseClients;
    }

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public Uni<AlertQueries.Paged<AlertView>> list(@QueryParam("state") String state,
            @QueryParam("severity") String severity, @QueryParam("crossingId") String crossingId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(enumValue(AlertState.class, "state", state), enumValue(Severity.class, "severity", severity),
                crossingId, page, size);
    }

    /** A filter value, case-insensitive; an unknown one is a 400 naming the allowed values (not JAX-RS' 404). */
    private static <E extends Enum<E>> E enumValue(Class<E> type, String param, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(java.util.stream.Collectors.joining(", "));
        throw new ProblemException(Problem.of(400, "unknown-value", "Unknown value",
                        "'" + value + "' is not one of " + allowed)
                .withErrors(java.util.List.of(new Problem.FieldError(param, "must be one of " + allowed))));
    }

    @GET
    @Path("/{fingerprint}")
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public Uni<AlertView> get(@PathParam("fingerprint") String fingerprint) {
        return queries.get(fingerprint);
    }

    @POST
    @Path("/{fingerprint}/acknowledge")
    @RolesAllowed({Roles.ONCALL, Roles.ADMIN})
    public Uni<AlertView> acknowledge(@PathParam("fingerprint") String fingerprint, String body)
            throws JsonProcessingException {
        // the body is optional, so it may come without a JSON content type: read it here
        AcknowledgeRequest request = body == null || body.isBlank() ? new AcknowledgeRequest(null)
                : EventJson.mapper().readValue(body, AcknowledgeRequest.class);
        if (request.comment() != null && request.comment().length() > 1000) {
            throw new ProblemException(Problem.of(400, "validation", "Request is not valid", "comment is too long")
                    .withErrors(java.util.List.of(new Problem.FieldError("comment", "at most 1000 characters"))));
        }
        return evaluator.acknowledge(fingerprint, identity.getPrincipal().getName(), request.comment());
    }

    /**
     * Every alert change as {@code event: alert}, plus a comment line every 15 s so proxies keep the
     * connection open. Bearer auth as every endpoint: the dashboard reads it with fetch().
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Multi<OutboundSseEvent> changes = stream.changes().map(view -> sse.newEventBuilder().name("alert")
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(AlertView.class, view).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        return sseClients.counted(Multi.createBy().merging().streams(changes, keepAlive));
    }
}
