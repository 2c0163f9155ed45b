package io.borderflow.support.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable (clients switch on it), {@code title} is for humans,
 * {@code errors} names the fields of a request that failed validation.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);
    /** Problem types are URIs under this base, e.g. {@code https://borderflow.io/problems/validation}. */
    public static final String TYPE_BASE = "https://borderflow.io/problems/";

    /** One field that failed: {@code field} is its JSON path, e.g. {@code events[3].occurredAt}. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String type, String title, String detail) {
        return new Problem(TYPE_BASE + type, title, status, detail, null, null);
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, title, status, detail, instance, errors);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA).entity(this).build();
    }
}
