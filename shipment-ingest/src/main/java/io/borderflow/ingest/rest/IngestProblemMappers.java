package io.borderflow.ingest.rest;

import io.borderflow.ingest.service.BrokerUnavailableException;
import io.borderflow.support.rest.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problems of this service that need more than {@code ProblemMappers}: a Retry-After on 503, and problem
 * bodies for the security checks (authentication is not proactive, so its failures arrive here).
 */
public class IngestProblemMappers {

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return Response.fromResponse(e.problem().toResponse()).header("Retry-After", seconds).build();
    }

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
}
