package io.borderflow.support.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** What the HTTP test cannot provoke through a stand-in resource: statuses a service's own code answers with. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusalKeepsItsHeadersButBecomesAProblem() {
        Response refused = Response.status(503).type(MediaType.TEXT_PLAIN).header(HttpHeaders.RETRY_AFTER, "5").build();

        Response problem = mappers.web(new WebApplicationException("the broker does not answer", refused));

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(problem.getMediaType()).isEqualTo(Problem.MEDIA);
        assertThat(problem.getHeaders().get(HttpHeaders.CONTENT_TYPE)).hasSize(1);
        assertThat((Problem) problem.getEntity()).isEqualTo(new Problem(Problem.TYPE_BASE + "http-503",
                "Service Unavailable", 503, "the broker does not answer", null, null));
    }

    @Test
    void aStatusWithoutItsOwnTypeIsNamedByNumber() {
        Problem tooMany = (Problem) mappers.web(new WebApplicationException(429)).getEntity();
        Problem unnamed = (Problem) mappers.web(new WebApplicationException(599)).getEntity();

        assertThat(tooMany.type()).isEqualTo(Problem.TYPE_BASE + "http-429");
        assertThat(tooMany.title()).isEqualTo("Too Many Requests");
        assertThat(unnamed.type()).isEqualTo(Problem.TYPE_BASE + "http-599");
        assertThat(unnamed.title()).isEqualTo("HTTP 599");
    }

    @Test
    void theStatusesClientsSwitchOnHaveStableTypes() {
        assertThat(typeOf(413)).isEqualTo(Problem.TYPE_BASE + "payload-too-large");
        assertThat(typeOf(415)).isEqualTo(Problem.TYPE_BASE + "unsupported-media-type");
        assertThat(typeOf(406)).isEqualTo(Problem.TYPE_BASE + "not-acceptable");
    }

    @Test
    void aProblemExceptionCarriesItsProblemToTheResponse() {
        ProblemException conflict = new ProblemException(409, "shipment-conflict", "Shipment conflict", "SHP-1");

        Response response = mappers.problem(conflict);

        assertThat(conflict).hasMessage("Shipment conflict: SHP-1");
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getEntity()).isSameAs(conflict.problem());
    }

    private String typeOf(int status) {
        return ((Problem) mappers.web(new WebApplicationException(status)).getEntity()).type();
    }
}
