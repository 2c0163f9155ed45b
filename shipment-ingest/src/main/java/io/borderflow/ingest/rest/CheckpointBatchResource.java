package io.borderflow.ingest.rest;

import io.borderflow.ingest.domain.Caller;
import io.borderflow.ingest.service.CheckpointService;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.security.Roles;
import io.smallrye.mutiny.Uni;
import java.util.List;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Many checkpoint reports of one carrier at once, each naming its shipment. */
@Path("/api/v1/checkpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Checkpoints")
public class CheckpointBatchResource {

    private final CheckpointService checkpoints;
    private final CallerIdentity identity;
    private final BatchEvents reader;

    public CheckpointBatchResource(CheckpointService checkpoints, CallerIdentity identity, BatchEvents reader) {
        this.checkpoints = checkpoints;
        this.identity = identity;
        this.reader = reader;
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Report up to " + OpenApiLimits.MAX_BATCH_SIZE + " checkpoints",
            description = "Each event gets its own result: ACCEPTED (acknowledged by the broker), DUPLICATE (the same"
                    + " event was accepted before; counted in accepted) or REJECTED with its problem; rejected events"
                    + " are never published. If the broker does not acknowledge every accepted event in time the"
                    + " whole batch answers 503: send it again, the acknowledged ones then answer DUPLICATE.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "batch", value = ApiExamples.BATCH)))
    @APIResponse(responseCode = "200", description = "A result per event", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "results", value = ApiExamples.BATCH_RESULT)))
    @APIResponse(responseCode = "400", description = "Not a batch (malformed JSON, no events)", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "validation", value = ApiExamples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "unauthorized", value = ApiExamples.UNAUTHORIZED_PROBLEM)))
    @APIResponse(responseCode = "403", description = "Not a carrier", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = ApiExamples.FORBIDDEN_PROBLEM)))
    @APIResponse(responseCode = "413", description = "More than " + OpenApiLimits.MAX_BATCH_SIZE
            + " events, or a body over " + OpenApiLimits.MAX_BODY_SIZE, content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "too-large", value = ApiExamples.TOO_LARGE_PROBLEM)))
    @APIResponse(responseCode = "503", description = "The broker did not acknowledge in time; see Retry-After", content = @Content(
            mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "broker-unavailable", value = ApiExamples.BROKER_PROBLEM)))
    public Uni<BatchResult> recordBatch(@Valid @NotNull BatchRequest batch) {
        Caller caller = identity.carrier();
        List<BatchEvents.Read> events = reader.read(batch);
        return checkpoints.recordBatch(caller, events.stream().map(BatchEvents.Read::submission).toList())
                .map(verdicts -> BatchResult.of(events, verdicts));
    }
}
