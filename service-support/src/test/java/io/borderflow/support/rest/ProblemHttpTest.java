package io.borderflow.support.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Through Quarkus REST and SmallRye JWT, as in a service: every error is {@code application/problem+json} with
 * the stable {@code type} clients switch on.
 */
@QuarkusTest
class ProblemHttpTest {

    private static final String TYPES = Problem.TYPE_BASE;

    @Test
    void noTokenIs401WithABearerChallenge() {
        given().get("/probe/board").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .header("WWW-Authenticate", "Bearer")
                .body("type", is(TYPES + "unauthorized"))
                .body("title", is("Unauthorized"))
                .body("status", is(401));
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String tampered = TestTokens.operator().replaceFirst("\\.[^.]*$", ".c2lnbmF0dXJl");

        given().auth().oauth2(tampered).get("/probe/board").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "unauthorized"));
    }

    @Test
    void theWrongRoleIs403() {
        given().auth().oauth2(TestTokens.carrier("acme")).get("/probe/board").then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "forbidden"))
                .body("status", is(403));
        given().auth().oauth2(TestTokens.sign("someone", Set.of("guest"), null)).get("/probe/board").then()
                .statusCode(403).body("type", is(TYPES + "forbidden"));
    }

    @Test
    void anUnknownPathAndAMissingShipmentAre404() {
        given().get("/probe/nothing-here").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "not-found"));
        given().get("/probe/shipments/SHP-404").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "not-found"))
                .body("detail", is("no shipment SHP-404"));
    }

    @Test
    void aWrongMethodIs405() {
        given().delete("/probe/board").then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "method-not-allowed"));
    }

    @Test
    void invalidFieldsAre400WithEachFieldNamed() {
        given().contentType(ContentType.JSON)
                .body("{\"shipmentId\":\" \",\"lane\":\"FAST\",\"trucks\":0,\"stops\":[{\"crossingId\":\"\"}]}")
                .post("/probe/registrations").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "validation"))
                .body("detail", is("3 field(s) failed validation"))
                .body("errors.field", contains("shipmentId", "stops[0].crossingId", "trucks"));
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        given().contentType(ContentType.JSON).body("{\"shipmentId\":\"SHP-1\",\"lane\":\"EXPRESS\",\"trucks\":1}")
                .post("/probe/registrations").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "unknown-value"))
                .body("errors[0].field", is("lane"))
                .body("errors[0].message", is("'EXPRESS' is not one of STANDARD, FAST"));
    }

    @Test
    void aFieldOfTheWrongTypeSaysWhatWasExpected() {
        given().contentType(ContentType.JSON).body("{\"shipmentId\":\"SHP-1\",\"lane\":\"FAST\",\"trucks\":\"many\"}")
                .post("/probe/registrations").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "invalid-field"))
                .body("errors[0].field", is("trucks"))
                .body("errors[0].message", is("expected a number"));
    }

    @Test
    void malformedJsonIs400() {
        given().contentType(ContentType.JSON).body("{\"shipmentId\":").post("/probe/registrations").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "malformed-json"))
                .body("errors", nullValue());
    }

    @Test
    void aServiceProblemIsAnsweredAsThrown() {
        given().get("/probe/conflict").then().statusCode(409)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", is(TYPES + "shipment-conflict"))
                .body("title", is("Shipment conflict"))
                .body("detail", containsString("another carrier"));
    }
}
