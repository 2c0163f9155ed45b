package io.borderflow.ingest;

import static io.borderflow.ingest.Api.as;
import static io.borderflow.ingest.Api.checkpoint;
import static io.borderflow.ingest.Api.postCheckpoint;
import static io.borderflow.ingest.Api.shipment;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PostgreSQL unreachable while the broker is fine: requests that need it answer 503, readiness is DOWN. */
@QuarkusTest
@TestProfile(DatabaseDownTest.NoDatabase.class)
@WithTestResource(KafkaResource.class)
class DatabaseDownTest {

    public static class NoDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // nothing listens on port 1
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/borderflow",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/borderflow",
                    "quarkus.flyway.migrate-at-start", "false");
        }
    }

    private static final String ACME = TestTokens.carrier("acme");

    @Test
    void aCheckpointAnswers503WithRetryAfter() {
        postCheckpoint(ACME, "SHP-1", checkpoint(UUID.randomUUID(), "QUEUE_ENTERED", 1)).statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", is("https://borderflow.io/problems/database-unavailable"));
    }

    @Test
    void registeringAShipmentAnswers503WithRetryAfter() {
        as(ACME).body(shipment("SHP-1")).post("/api/v1/shipments").then().statusCode(503)
                .header("Retry-After", "5")
                .body("type", is("https://borderflow.io/problems/database-unavailable"));
    }

    @Test
    void readinessIsDown() {
        given().get("/q/health/ready").then().statusCode(503).body("status", is("DOWN"));
    }
}
