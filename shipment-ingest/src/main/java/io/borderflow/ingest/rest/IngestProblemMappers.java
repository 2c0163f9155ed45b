package io.borderflow.ingest.rest;

import io.borderflow.ingest.config.IngestConfig;
import io.borderflow.ingest.domain.Rejected;
import io.borderflow.ingest.service.BrokerUnavailableException;
import io.borderflow.support.rest.Problem;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Problems of this service that need more than {@code ProblemMappers}: a domain rejection as its problem, a
 * Retry-After on 503, and problem bodies for anything else that fails: PostgreSQL out of reach is a 503 to retry, the rest an internal error.
 */
public class IngestProblemMappers {

    private static final Logger LOG = Logger.getLogger(IngestProblemMappers.class);

    private final IngestConfig config;

    public IngestProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response rejected(Rejected e) {
        return IngestProblems.of(e.rejection()).toResponse();
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return Response.fromResponse(e.problem().toResponse()).header("Retry-After", seconds).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (databaseUnreachable(e)) {
            LOG.warnf("database unreachable: %s", e.toString());
            return Response.fromResponse(Problem.of(503, "database-unavailable", "Database unavailable",
                            "the shipment registry cannot be reached; nothing was stored or published").toResponse())
                    .header("Retry-After", Math.max(1, config.retryAfter().toSeconds())).build();
        }
        LOG.error("request failed", e);
        return Problem.of(500, "internal", "Internal error", "the request failed; it has been logged").toResponse();
    }

    private static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
        }
        return false;
    }
}
