package io.borderflow.ingest;

import static io.borderflow.ingest.Api.batchItem;
import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.register;
import static io.borderflow.ingest.Api.shipment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint × every caller: no token, the carrier that owns the shipment, another carrier, operator,
 * on-call, admin. Carriers write and read only their own shipments (another's is 404, as if it did not
 * exist); operators, on-call and admins read everything and write nothing.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class AuthorizationMatrixTest {

    private static final String OWNER = "acme";
    private static final String SHIPMENT = "SHP-AUTH";
    private static final String PROBLEMS = "https://borderflow.io/problems/";

    @InjectPostgres
    PostgresDatabase database;

    enum Who {
        NOBODY(null), OWNER_CARRIER(TestTokens.carrier(OWNER)), OTHER_CARRIER(TestTokens.carrier("globex")),
        OPERATOR(TestTokens.operator()), ONCALL(TestTokens.oncall()), ADMIN(TestTokens.admin());

        final String token;

        Who(String token) {
            this.token = token;
        }
    }

    enum Endpoint {
        REGISTER(r -> r.body(shipment("SHP-AUTH-NEW-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v1/shipments")),
        // sets what is registered already, so the shipment stays as theOwnersShipment() registers it
        PATCH(r -> r.body(Map.of("referenceNumbers", Map.of("billOfLading", "BOL-" + SHIPMENT)))
                .patch("/api/v1/shipments/" + SHIPMENT)),
        GET_ONE(r -> r.get("/api/v1/shipments/" + SHIPMENT)),
        LIST(r -> r.get("/api/v1/shipments")),
        CHECKPOINT(r -> r.body(checkpoint(UUID.randomUUID(), "QUEUE_ENTERED", 1))
                .post("/api/v1/shipments/" + SHIPMENT + "/checkpoints")),
        BATCH(r -> r.body(Map.of("events", List.of(batchItem(SHIPMENT, UUID.randomUUID(), "QUEUE_ENTERED", 1))))
                .post("/api/v1/checkpoints/batch")),
        POSITIONS(r -> r.body(Map.of("positions", List.of(Map.of("at", Instant.now().minusSeconds(
                        ThreadLocalRandom.current().nextInt(60, 3_600)).toString(), "latitude", 27.5, "longitude", -99.5))))
                .post("/api/v1/shipments/" + SHIPMENT + "/positions")),
        TIMELINE(r -> r.get("/api/v1/shipments/" + SHIPMENT + "/timeline"));

        final Function<RequestSpecification, io.restassured.response.Response> call;

        Endpoint(Function<RequestSpecification, io.restassured.response.Response> call) {
            this.call = call;
        }
    }

    /** What a caller gets: the status, and for 200 on a list or batch what it must (not) see. */
    record Expectation(Endpoint endpoint, Who who, int status) {

        @Override
        public String toString() {
            return endpoint + " as " + who + " → " + status;
        }
    }

    @BeforeEach
    void theOwnersShipment() {
        register(TestTokens.carrier(OWNER), SHIPMENT).statusCode(anyOf(is(200), is(201)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void eachCallerGetsWhatItsRoleAndCarrierAllow(Expectation expected) {
        RequestSpecification request = given().contentType("application/json");
        if (expected.who().token != null) {
            request.auth().oauth2(expected.who().token);
        }
        ValidatableResponse response = expected.endpoint().call.apply(request).then().statusCode(expected.status());

        switch (expected.status()) {
            case 401 -> response.contentType("application/problem+json").body("type", is(PROBLEMS + "unauthorized"))
                    .header("WWW-Authenticate", "Bearer");
            case 403 -> response.contentType("application/problem+json").body("type", is(PROBLEMS + "forbidden"));
            case 404 -> response.contentType("application/problem+json")
                    .body("type", is(PROBLEMS + "shipment-not-found"));
            default -> {
            }
        }
        if (expected.endpoint() == Endpoint.LIST && expected.status() == 200) {
            response.body("items.shipmentId", expected.who() == Who.OTHER_CARRIER ? not(hasItem(SHIPMENT))
                    : hasItem(SHIPMENT));
        }
        if (expected.endpoint() == Endpoint.BATCH && expected.status() == 200) {
            boolean own = expected.who() == Who.OWNER_CARRIER;
            response.body("results[0].status", is(own ? "ACCEPTED" : "REJECTED"));
            if (!own) {
                response.body("results[0].problem.type", is(PROBLEMS + "shipment-not-found"));
            }
        }
    }

    static Stream<Expectation> matrix() {
        List<Expectation> matrix = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Who who : Who.values()) {
                matrix.add(new Expectation(endpoint, who, expectedStatus(endpoint, who)));
            }
        }
        return matrix.stream();
    }

    private static int expectedStatus(Endpoint endpoint, Who who) {
        if (who == Who.NOBODY) {
            return 401;
        }
        boolean carrier = who == Who.OWNER_CARRIER || who == Who.OTHER_CARRIER;
        return switch (endpoint) {
            // a carrier registers its own shipments; the other carrier's new id is its own
            case REGISTER -> carrier ? 201 : 403;
            case PATCH -> carrier ? (who == Who.OWNER_CARRIER ? 200 : 404) : 403;
            case CHECKPOINT -> carrier ? (who == Who.OWNER_CARRIER ? 202 : 404) : 403;
            case POSITIONS -> carrier ? (who == Who.OWNER_CARRIER ? 200 : 404) : 403;
            // a batch names shipments per event: another carrier's is rejected in the results
            case BATCH -> carrier ? 200 : 403;
            case GET_ONE, TIMELINE -> who == Who.OTHER_CARRIER ? 404 : 200;
            case LIST -> 200;
        };
    }
}
