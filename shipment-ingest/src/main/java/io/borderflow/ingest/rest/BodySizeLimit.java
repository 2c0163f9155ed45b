package io.borderflow.ingest.rest;

import io.borderflow.ingest.config.IngestConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body over {@code borderflow.ingest.max-body-size} by its Content-Length, before reading it, with a
 * problem body. A chunked body without a length is cut off by {@code quarkus.http.limits.max-body-size}.
 */
public class BodySizeLimit {

    private final long maxBytes;

    public BodySizeLimit(IngestConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return Optional.empty();
        }
        try {
            long bytes = Long.parseLong(length.trim());
            return bytes > maxBytes ? Optional.of(IngestProblems.payloadTooLarge(bytes, maxBytes).toResponse())
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
