package io.borderflow.ingest.rest;

import io.borderflow.ingest.service.PositionService;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A carrier's GPS positions of its own shipment's truck; ingest derives checkpoints from them at the geofences. */
@Path("/api/v1/shipments/{shipmentId}/positions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Positions")
public class PositionResource {

    private final PositionService positions;
    private final CallerIdentity identity;
    private final PositionBatchReader reader;

    public PositionResource(PositionService positions, CallerIdentity identity, PositionBatchReader reader) {
        this.positions = positions;
        this.identity = identity;
        this.reader = reader;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Report up to " + OpenApiLimits.MAX_BATCH_SIZE + " GPS positions of a shipment",
            description = "Each position gets its own result: ACCEPTED (acknowledged by the broker on positions.v1),"
                    + " DUPLICATE (this shipment's position at this time was accepted before with the same content;"
                    + " counted in accepted) or REJECTED with its problem; rejected positions are never published."
                    + " A position is identified by (shipment, at). Checkpoints (QUEUE_ENTERED, PRIMARY_INSPECTION,"
                    + " PORT_EXITED, source GPS_GEOFENCE) are derived from the positions afterwards and appear on"
                    + " checkpoints.v1 and in the timeline. If the broker does not acknowledge every accepted"
                    + " position in time the whole batch answers 503: send it again.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "positions", value = ApiExamples.POSITIONS)))
    @APIResponse(responseCode = "200", description = "A result per position", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "results", value = ApiExamples.POSITIONS_RESULT)))
    @APIResponse(responseCode = "400", description = "Not a batch (malformed JSON, no positions)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED_PROBLEM)))
    @APIResponse(responseCode = "403", description = "Not a carrier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN_PROBLEM)))
    @APIResponse(responseCode = "404", description = "No such shipment of this carrier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "not-found", value = ApiExamples.NOT_FOUND_PROBLEM)))
    @APIResponse(responseCode = "413", description = "More than " + OpenApiLimits.MAX_BATCH_SIZE
            + " positions, or a body over " + OpenApiLimits.MAX_BODY_SIZE, content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "too-large", value = ApiExamples.TOO_LARGE_PROBLEM)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; see Retry-After", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "broker-unavailable", value = ApiExamples.BROKER_PROBLEM)))
    public Uni<PositionBatchResult> record(@PathParam("shipmentId") String shipmentId,
            @Valid @NotNull PositionBatchRequest batch) {
        List<PositionBatchReader.Read> read = reader.read(batch);
        return positions.record(identity.carrier(), shipmentId, read.stream().map(PositionBatchReader.Read::submission)
                .toList()).map(verdicts -> PositionBatchResult.of(read, verdicts));
    }
}
