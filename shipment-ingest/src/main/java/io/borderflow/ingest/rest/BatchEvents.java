package io.borderflow.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.ingest.domain.BatchCheckpointReport;
import io.borderflow.ingest.domain.Submission;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the events of a batch one by one, so that an unreadable event (wrong type, unknown enum value, not an
 * object, a failed constraint) is rejected alone with its own problem instead of failing the whole batch.
 */
@ApplicationScoped
class BatchEvents {

    /** One event as read; {@code problem} is set when it could not be. */
    record Read(int index, String shipmentId, UUID eventId, Submission submission, Problem problem) {
    }

    private final ObjectMapper json;
    private final Validator validator;
    private final ProblemMappers problems = new ProblemMappers();

    BatchEvents(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    List<Read> read(BatchRequest batch) {
        List<Read> events = new ArrayList<>(batch.events().size());
        for (int i = 0; i < batch.events().size(); i++) {
            events.add(read(i, batch.events().get(i)));
        }
        return events;
    }

    private Read read(int index, JsonNode node) {
        String shipmentId = node != null && node.path("shipmentId").isTextual() ? node.get("shipmentId").asText() : null;
        UUID eventId = uuidOrNull(node == null ? null : node.path("eventId").asText(null));
        if (node == null || !node.isObject()) {
            return unreadable(index, shipmentId, eventId, Problem.of(400, "invalid-field",
                    "Field has the wrong type", "events[" + index + "]: expected an object"));
        }
        BatchCheckpointReport item;
        try {
            item = json.treeToValue(node, BatchCheckpointReport.class);
        } catch (JsonProcessingException e) {
            return unreadable(index, shipmentId, eventId, (Problem) problems.json(e).getEntity());
        }
        Set<ConstraintViolation<BatchCheckpointReport>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            return unreadable(index, shipmentId, eventId,
                    (Problem) problems.validation(new ConstraintViolationException(violations)).getEntity());
        }
        return new Read(index, item.shipmentId(), item.eventId(), Submission.of(item.shipmentId(), item.report()),
                null);
    }

    private static Read unreadable(int index, String shipmentId, UUID eventId, Problem problem) {
        String reason = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        return new Read(index, shipmentId, eventId, Submission.unreadable(reason), problem);
    }

    private static UUID uuidOrNull(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
