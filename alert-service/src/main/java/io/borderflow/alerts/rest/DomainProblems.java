package io.borderflow.alerts.rest;

import io.borderflow.alerts.domain.AlertNotFiring;
import io.borderflow.alerts.domain.InvalidSilence;
import io.borderflow.alerts.domain.NotFound;
import io.borderflow.alerts.domain.RuleExists;
import io.borderflow.alerts.domain.routing.InvalidRouting;
import io.borderflow.support.rest.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the services refuse, as RFC 9457 problems. The types, titles and details are part of the API:
 * clients switch on {@code type}, and the wording is kept as it was when the services answered it themselves.
 */
public class DomainProblems {

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return Problem.of(404, "not-found", "Not Found", e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response alertNotFiring(AlertNotFiring e) {
        return Problem.of(409, "alert-not-firing", "Alert is not firing",
                "only a firing alert can be acknowledged; this one is " + e.state()).toResponse();
    }

    @ServerExceptionMapper
    public Response ruleExists(RuleExists e) {
        return Problem.of(409, "rule-exists", "Rule exists",
                "a rule with id " + e.id() + " exists; PUT /api/v1/rules/" + e.id() + " changes it").toResponse();
    }

    @ServerExceptionMapper
    public Response invalidSilence(InvalidSilence e) {
        return Problem.of(400, "validation", "Request is not valid", e.getMessage()).toResponse();
    }

    /** Each problem of a routing configuration as a field error; the detail lists them with their lines. */
    @ServerExceptionMapper
    public Response invalidRouting(InvalidRouting e) {
        return Problem.of(400, "validation", "Routing configuration is not valid", e.getMessage())
                .withErrors(e.problems().stream().map(p -> new Problem.FieldError(p.field(),
                        (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message())).toList())
                .toResponse();
    }
}
