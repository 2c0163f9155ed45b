package io.borderflow.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

/**
 * What every BorderFlow service serves besides its API (the root README, "Each service"): readiness,
 * liveness, Prometheus metrics, its OpenAPI document, and its Flyway-migrated schema. Each service's
 * {@code ServiceHealthTest} states only its own facts: its readiness checks, its title, its schema.
 */
public final class HealthChecks {

    /** Readiness is UP and includes at least these checks (by name). */
    public static void assertReadyWith(String... checks) {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems(checks));
    }

    /** Liveness is UP, Prometheus metrics are served (HTTP latency with histogram buckets), and the OpenAPI document carries the service's title. */
    public static void assertServesLivenessMetricsAndOpenApi(String openApiTitle) {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", is(openApiTitle));
        // latency buckets (service-support's HttpLatencyBuckets) on application requests; /q/* is not measured
        given().get("/api/v1/latency-probe").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        String metrics = "";
        // the request is recorded as its response ends, which may be just after the client has read it
        for (int attempt = 0; attempt < 50 && !metrics.contains("http_server_requests_seconds_bucket{"); attempt++) {
            metrics = given().get("/q/metrics").asString();
            pause();
        }
        assertThat("HTTP latency buckets", metrics, allOf(containsString("http_server_requests_seconds_bucket{"),
                containsString("le=\"0.1\"")));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Flyway migrated the service's own schema successfully at start. */
    public static void assertMigrated(PostgresDatabase database, String schema) {
        assertThat(schema + ": successful Flyway migrations",
                database.count("select count(*) from " + schema + ".flyway_schema_history where success"), greaterThan(0L));
    }

    private HealthChecks() {
    }
}
