package io.borderflow.analyzer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
class ServiceHealthTest {

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void readinessIsUpWithTheBrokerAndTheDatabaseConnected() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Kafka connection health check",
                        "Reactive PostgreSQL connections health check", "Kafka Streams topics health check",
                        "crossing delays loaded"));
    }

    @Test
    void livenessIsUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
    }

    @Test
    void prometheusMetricsAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theOpenApiDocumentIsServed() {
        given().get("/q/openapi?format=json").then().statusCode(200).body("info.title", is("delay-analyzer"));
    }

    @Test
    void flywayMigratedTheServiceSchema() {
        assertThat(database.count("select count(*) from analyzer.flyway_schema_history where success")).isPositive();
    }
}
