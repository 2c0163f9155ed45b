package io.borderflow.alerts.rest;

import io.borderflow.support.rest.Problem;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** 401 and 403 as problem+json too, like every other error of the API. */
public class SecurityProblemMapper {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        Response response = Problem.of(401, "unauthorized", "Unauthorized", "a bearer token is required")
                .toResponse();
        response.getHeaders().add("WWW-Authenticate", "Bearer");
        return response;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(403, "forbidden", "Forbidden", "the token's roles do not allow this").toResponse();
    }
}
