package io.borderflow.alerts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class RuleResourceTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    void theDefaultRuleSetIsCreatedOnFirstStart() {
        as(TestTokens.operator()).get("/api/v1/rules").then().statusCode(200)
                .body("id", hasItems("buffer-index-high", "crossing-stale", "live-wait-critical",
                        "live-wait-warning", "shipment-stalled"));
        as(TestTokens.oncall()).get("/api/v1/rules/live-wait-warning").then().statusCode(200)
                .body("measure", is("live_wait_minutes"))
                .body("comparison", is("GT"))
                .body("threshold", is(90.0f))
                .body("forMinutes", is(10.0f))
                .body("severity", is("WARNING"))
                .body("scope.crossingId", nullValue());
        as(TestTokens.admin()).get("/api/v1/rules/live-wait-critical").then().body("threshold", is(180.0f))
                .body("severity", is("CRITICAL"));
        as(TestTokens.admin()).get("/api/v1/rules/crossing-stale").then().body("measure", is("stale"))
                .body("forMinutes", is(30.0f)).body("threshold", nullValue());
        as(TestTokens.admin()).get("/api/v1/rules/buffer-index-high").then().body("threshold", is(1.0f))
                .body("forMinutes", is(30.0f)).body("severity", is("INFO"));
    }

    @Test
    void anAdminCreatesReadsChangesAndDeletesARule() {
        String body = """
                {"id":"pharr-queue","name":"PharrQueueLong","measure":"queued_now",
                 "scope":{"crossingId":"pharr-reynosa","direction":"NORTHBOUND"},
                 "comparison":"GE","threshold":40,"forMinutes":5,"keepFiringForMinutes":2.5,"severity":"WARNING",
                 "summary":"{{value}} trucks queued at {{crossing}}","runbookUrl":"https://runbooks.example/queue"}""";
        as(TestTokens.admin()).body(body).post("/api/v1/rules").then().statusCode(201)
                .header("Location", containsString("/api/v1/rules/pharr-queue"))
                .body("id", is("pharr-queue")).body("keepFiringForMinutes", is(2.5f))
                .body("scope.direction", is("NORTHBOUND")).body("enabled", is(true));
        as(TestTokens.admin()).body(body).post("/api/v1/rules").then().statusCode(409)
                .contentType("application/problem+json");

        as(TestTokens.admin()).body(body.replace("\"threshold\":40", "\"threshold\":60"))
                .put("/api/v1/rules/pharr-queue").then().statusCode(200).body("threshold", is(60.0f));
        as(TestTokens.operator()).get("/api/v1/rules/pharr-queue").then().body("threshold", is(60.0f));

        as(TestTokens.admin()).delete("/api/v1/rules/pharr-queue").then().statusCode(204);
        as(TestTokens.admin()).get("/api/v1/rules/pharr-queue").then().statusCode(404)
                .contentType("application/problem+json").body("type", containsString("not-found"));
    }

    @Test
    void anUnknownMeasureIsAProblem() {
        as(TestTokens.admin()).body("""
                {"name":"X","measure":"wait_forever","threshold":1,"severity":"INFO"}""")
                .post("/api/v1/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("measure"))
                .body("detail", containsString("live_wait_minutes"));
    }

    @Test
    void negativeDurationsAreAProblemNamingTheFields() {
        as(TestTokens.admin()).body("""
                {"name":"X","measure":"live_wait_minutes","threshold":60,"forMinutes":-1,
                 "keepFiringForMinutes":-5,"severity":"INFO"}""")
                .post("/api/v1/rules").then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://borderflow.io/problems/validation"))
                .body("errors.field", containsInAnyOrder("forMinutes", "keepFiringForMinutes"));
    }

    @Test
    void aMissingOrNegativeThresholdIsAProblem() {
        as(TestTokens.admin()).body("""
                {"name":"X","measure":"live_wait_minutes","severity":"INFO"}""")
                .post("/api/v1/rules").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("threshold"));
        as(TestTokens.admin()).body("""
                {"name":"X","measure":"buffer_index","threshold":-0.5,"severity":"INFO"}""")
                .post("/api/v1/rules").then().statusCode(400).body("errors.field", hasItem("threshold"));
        as(TestTokens.admin()).body("""
                {"name":"X","measure":"stale","threshold":5,"severity":"INFO"}""")
                .post("/api/v1/rules").then().statusCode(400).body("errors.field", hasItem("threshold"));
    }

    @Test
    void aScopeMustNameAKnownCrossingAndCarriersOnlyForShipmentMeasures() {
        as(TestTokens.admin()).body("""
                {"name":"X","measure":"live_wait_minutes","threshold":60,"severity":"INFO",
                 "scope":{"crossingId":"atlantis","carrierId":"acme"}}""")
                .post("/api/v1/rules").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("scope.crossingId", "scope.carrierId"));
        as(TestTokens.admin()).body("""
                {"name":"AcmeDelayed","measure":"shipment_delay_minutes","threshold":120,"severity":"INFO",
                 "scope":{"carrierId":"acme"}}""")
                .post("/api/v1/rules").then().statusCode(201).body("scope.carrierId", is("acme"));
    }

    @Test
    void onlyAdminsWriteRulesAndEveryoneNeedsAToken() {
        String body = """
                {"name":"X","measure":"live_wait_minutes","threshold":60,"severity":"INFO"}""";
        as(TestTokens.oncall()).body(body).post("/api/v1/rules").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.carrier("acme")).get("/api/v1/rules").then().statusCode(403);
        given().get("/api/v1/rules").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theDashboardOriginMayCallWithABearerToken() {
        given().header("Origin", "http://localhost:8082")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/alerts").then()
                .header("Access-Control-Allow-Origin", "http://localhost:8082")
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }
}
