package io.borderflow.ingest.rest;

import io.borderflow.events.JourneyStatus;
import io.borderflow.ingest.domain.CheckpointReceipt;
import io.borderflow.ingest.domain.CheckpointReport;
import io.borderflow.ingest.domain.Page;
import io.borderflow.ingest.domain.Shipment;
import io.borderflow.ingest.domain.ShipmentChanges;
import io.borderflow.ingest.domain.ShipmentQuery;
import io.borderflow.ingest.domain.ShipmentRegistration;
import io.borderflow.ingest.domain.Timeline;
import io.borderflow.ingest.service.CheckpointService;
import io.borderflow.ingest.service.ShipmentService;
import io.borderflow.ingest.service.TimelineService;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Carriers register shipments and report their checkpoints; operators look shipments up. */
@Path("/api/v1/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Shipments")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
        mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED_PROBLEM)))
@APIResponse(responseCode = "403", description = "The token's role may not do this", content = @Content(
        mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN_PROBLEM)))
public class ShipmentResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final ShipmentService shipments;
    private final CheckpointService checkpoints;
    private final TimelineService timelines;
    private final CallerIdentity identity;

    public ShipmentResource(ShipmentService shipments, CheckpointService checkpoints, TimelineService timelines,
            CallerIdentity identity) {
        this.shipments = shipments;
        this.checkpoints = checkpoints;
        this.timelines = timelines;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Register a shipment",
            description = "The carrier is the token's carrier_id. Sending the same shipment again answers 200 with it;"
                    + " the same shipmentId with different content answers 409.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "shipment", value = ApiExamples.REGISTER)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "registered", value = ApiExamples.SHIPMENT)))
    @APIResponse(responseCode = "200", description = "Identical repeat: already registered", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "repeat", value = ApiExamples.SHIPMENT)))
    @APIResponse(responseCode = "400", description = "Invalid request or unknown crossing", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM),
                    @ExampleObject(name = "unknown-crossing", value = ApiExamples.UNKNOWN_CROSSING_PROBLEM)}))
    @APIResponse(responseCode = "409", description = "Same shipmentId, different content", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "conflict", value = ApiExamples.SHIPMENT_CONFLICT_PROBLEM)))
    public Uni<RestResponse<Shipment>> register(@Valid @NotNull ShipmentRegistration registration, UriInfo uri) {
        return shipments.register(identity.carrier(), registration).map(result -> result.created()
                ? RestResponse.ResponseBuilder.<Shipment>created(uri.getAbsolutePathBuilder()
                        .path(result.shipment().shipmentId()).build()).entity(result.shipment()).build()
                : RestResponse.ok(result.shipment()));
    }

    @PATCH
    @Path("{shipmentId}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Change a shipment",
            description = "Only the carrier's own shipments. Fields left out stay as they are; referenceNumbers"
                    + " replaces the whole map. A real change raises the revision and is published as ShipmentUpdated.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "changes", value = ApiExamples.PATCH)))
    @APIResponse(responseCode = "200", description = "The shipment after the change", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "updated", value = ApiExamples.UPDATED_SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No such shipment of this carrier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public Uni<Shipment> update(@PathParam("shipmentId") String shipmentId, @Valid @NotNull ShipmentChanges changes) {
        return shipments.update(identity.carrier(), shipmentId, changes);
    }

    @GET
    @Path("{shipmentId}")
    @RolesAllowed({Roles.CARRIER, Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    @Operation(summary = "One shipment", description = "A carrier sees only its own shipments.")
    @APIResponse(responseCode = "200", description = "The shipment", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "shipment", value = ApiExamples.SHIPMENT)))
    @APIResponse(responseCode = "404", description = "No such shipment (or another carrier's)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public Uni<Shipment> find(@PathParam("shipmentId") String shipmentId) {
        return shipments.find(identity.caller(), shipmentId);
    }

    @GET
    @RolesAllowed({Roles.CARRIER, Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    @Operation(summary = "List shipments",
            description = "Newest planned arrival first. A carrier sees only its own shipments. from/to bound the"
                    + " planned arrival (from inclusive, to exclusive); status is the journey status reported by the"
                    + " delay analyzer (PLANNED while none).")
    @APIResponse(responseCode = "200", description = "One page of shipments", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "page", value = ApiExamples.SHIPMENT_PAGE)))
    @APIResponse(responseCode = "400", description = "A malformed filter", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    public Uni<Page<Shipment>> search(
            @Parameter(example = "laredo-world-trade-bridge") @QueryParam("crossingId") String crossingId,
            @Parameter(example = "QUEUED") @QueryParam("status") String status,
            @Parameter(example = "2026-11-27T00:00:00Z") @QueryParam("from") String from,
            @Parameter(example = "2026-11-28T00:00:00Z") @QueryParam("to") String to,
            @Parameter(example = "0") @QueryParam("page") String page,
            @Parameter(example = "50") @QueryParam("size") String size) {
        ShipmentQuery query = new ShipmentQuery(null, QueryParams.text(crossingId),
                QueryParams.enumValue("status", status, JourneyStatus.class),
                QueryParams.instant("from", from), QueryParams.instant("to", to),
                QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / 500),
                QueryParams.integer("size", size, 50, 1, 500));
        return shipments.search(identity.caller(), query);
    }

    @POST
    @Path("{shipmentId}/checkpoints")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Report a checkpoint of a shipment",
            description = "Answers 202 only after the broker acknowledged the event on checkpoints.v1. An identical"
                    + " repeat of an eventId answers DUPLICATE and is not published again; the same eventId with"
                    + " different content answers 409. When the broker does not acknowledge within"
                    + " borderflow.ingest.broker-ack-timeout: 503 with Retry-After.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "checkpoint", value = ApiExamples.CHECKPOINT)))
    @APIResponse(responseCode = "202", description = "Accepted (or a DUPLICATE of an accepted event)", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = {
                    @ExampleObject(name = "accepted", value = ApiExamples.RECEIPT),
                    @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE_RECEIPT)}))
    @APIResponse(responseCode = "400", description = "Invalid event", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = {
                    @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM),
                    @ExampleObject(name = "out-of-range", value = ApiExamples.OUT_OF_RANGE_PROBLEM)}))
    @APIResponse(responseCode = "404", description = "No such shipment of this carrier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "409", description = "eventId reused with different content", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "duplicate-event", value = ApiExamples.DUPLICATE_EVENT_PROBLEM)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; see Retry-After", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "broker-unavailable", value = ApiExamples.BROKER_PROBLEM)))
    public Uni<RestResponse<CheckpointReceipt>> recordCheckpoint(@PathParam("shipmentId") String shipmentId,
            @Valid @NotNull CheckpointReport report) {
        return checkpoints.record(identity.carrier(), shipmentId, report)
                .map(receipt -> RestResponse.status(RestResponse.Status.ACCEPTED, receipt));
    }

    @GET
    @Path("{shipmentId}/timeline")
    @RolesAllowed({Roles.CARRIER, Roles.OPERATOR, Roles.ONCALL, Roles.ADMIN})
    @Operation(summary = "A shipment's checkpoints and delay status",
            description = "Checkpoints in event-time order (whatever order they arrived in), from the read model fed"
                    + " by checkpoints.v1; delay is the delay analyzer's latest status, null until it reported one.")
    @APIResponse(responseCode = "200", description = "The timeline", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "timeline", value = ApiExamples.TIMELINE)))
    @APIResponse(responseCode = "404", description = "No such shipment (or another carrier's)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    public Uni<Timeline> timeline(@PathParam("shipmentId") String shipmentId) {
        return timelines.timeline(identity.caller(), shipmentId);
    }
}
