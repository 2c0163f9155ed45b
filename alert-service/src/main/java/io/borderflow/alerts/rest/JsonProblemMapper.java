package io.borderflow.alerts.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.borderflow.support.rest.ProblemMappers;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Quarkus REST ships its own mapper for {@link MismatchedInputException} (wrong type, unknown enum value),
 * which is more specific than the shared {@code JsonProcessingException} mapper and answers plain JSON.
 * This one is more specific still and hands the exception to the shared problem mapping.
 */
public class JsonProblemMapper {

    private final ProblemMappers shared = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return shared.json(e);
    }
}
