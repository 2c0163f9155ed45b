package io.borderflow.support.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error a BorderFlow REST API answers is {@code application/problem+json}. The types here are
 * shared by all services; a service adds its own through {@link ProblemException}.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.of(400, "validation", "Request is not valid",
                        errors.size() + " field(s) failed validation")
                .withErrors(errors).toResponse();
    }

    /** Wrong JSON: malformed, a wrong type, an unknown enum value, a missing required field. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return fieldProblem("unknown-value", "Unknown value", invalid,
                    "'" + invalid.getValue() + "' is not one of " + allowed);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause() != null ? instantiation.getCause() : instantiation;
            return fieldProblem("validation", "Request is not valid", instantiation, cause.getMessage());
        }
        if (e instanceof MismatchedInputException mismatched) {
            return fieldProblem("invalid-field", "Field has the wrong type", mismatched,
                    mismatched.getTargetType() == null ? mismatched.getOriginalMessage()
                            : "expected " + describe(mismatched.getTargetType()));
        }
        return Problem.of(400, "malformed-json", "Malformed JSON", e.getOriginalMessage()).toResponse();
    }

    /**
     * Quarkus REST rethrows a mismatched input (wrong type, unknown enum value, an array for an object) as is;
     * without this mapper its built-in one would answer plain JSON instead of a problem.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    /** Reached because every service turns proactive authentication off, so a bad token also lands here. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(Problem.of(401, "unauthorized", "Unauthorized",
                        "a valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "the token's roles do not allow this").toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        // Quarkus REST wraps malformed JSON and failed record constructors in a 400 WebApplicationException
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "HTTP " + status;
        if (family == Response.Status.Family.SERVER_ERROR) {
            LOG.error("request failed", e);
        }
        String type = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Response problem = Problem.of(status, type, title, e.getMessage()).toResponse();
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> problem.getHeaders().add(name, value));
            }
        });
        return problem;
    }

    private static Response fieldProblem(String type, String title, JsonMappingException e, String message) {
        String field = pathOf(e);
        return Problem.of(400, type, title, field.isEmpty() ? message : field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message))).toResponse();
    }

    /** {@code events[2].occurredAt} from Jackson's reference path. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code register.request.crossingId} from Bean Validation becomes {@code crossingId}. */
    static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
