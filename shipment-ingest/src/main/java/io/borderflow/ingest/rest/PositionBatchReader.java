package io.borderflow.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.borderflow.ingest.domain.PositionIntake;
import io.borderflow.ingest.domain.PositionReport;
import io.borderflow.support.rest.Problem;
import io.borderflow.support.rest.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the positions of a batch one by one, so that an unreadable one (wrong type, out of range, not an object)
 * is rejected alone with a problem naming its field, as {@link BatchEvents} does for checkpoints.
 */
@ApplicationScoped
class PositionBatchReader {

    /** One position as read; {@code problem} is set when it could not be. */
    record Read(int index, Instant at, PositionIntake.Submission submission, Problem problem) {
    }

    private final ObjectMapper json;
    private final Validator validator;
    private final ProblemMappers problems = new ProblemMappers();

    PositionBatchReader(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    List<Read> read(PositionBatchRequest batch) {
        List<Read> positions = new ArrayList<>(batch.positions().size());
        for (int i = 0; i < batch.positions().size(); i++) {
            positions.add(read(i, batch.positions().get(i)));
        }
        return positions;
    }

    private Read read(int index, JsonNode node) {
        if (node == null || !node.isObject()) {
            return unreadable(index, Problem.of(400, "invalid-field", "Field has the wrong type",
                    "positions[" + index + "]: expected an object"));
        }
        PositionReport report;
        try {
            report = json.treeToValue(node, PositionReport.class);
        } catch (JsonProcessingException e) {
            return unreadable(index, (Problem) problems.json(e).getEntity());
        }
        Set<ConstraintViolation<PositionReport>> violations = validator.validate(report);
        if (!violations.isEmpty()) {
            return unreadable(index,
                    (Problem) problems.validation(new ConstraintViolationException(violations)).getEntity());
        }
        return new Read(index, report.at(), PositionIntake.Submission.of(report), null);
    }

    private static Read unreadable(int index, Problem problem) {
        String reason = problem.type().substring(problem.type().lastIndexOf('/') + 1);
        return new Read(index, null, PositionIntake.Submission.unreadable(reason), problem);
    }
}
