package io.borderflow.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client developer sees from outside: the OpenAPI document, Swagger UI, and CORS for the dashboard. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class ApiSurfaceTest {

    private static final List<String> OPERATIONS = List.of(
            "post /api/v1/shipments", "get /api/v1/shipments", "get /api/v1/shipments/{shipmentId}",
            "patch /api/v1/shipments/{shipmentId}", "post /api/v1/shipments/{shipmentId}/checkpoints",
            "get /api/v1/shipments/{shipmentId}/timeline", "post /api/v1/checkpoints/batch");

    @Test
    void everyEndpointIsDocumentedWithAnExampleOfItsSuccessfulResponse() {
        JsonPath openApi = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();

        for (String operation : OPERATIONS) {
            String[] methodAndPath = operation.split(" ");
            Map<String, Object> responses = openApi.getMap("paths.'" + methodAndPath[1] + "'." + methodAndPath[0]
                    + ".responses");
            assertThat(responses).as(operation).isNotNull();
            String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst()
                    .orElseThrow(() -> new AssertionError(operation + " documents no success response"));
            Map<String, Object> examples = openApi.getMap("paths.'" + methodAndPath[1] + "'." + methodAndPath[0]
                    + ".responses.'" + success + "'.content.'application/json'.examples");
            assertThat(examples).as(operation + " examples").isNotEmpty();
            assertThat(responses).as(operation).containsKey("401");
        }
        assertThat(openApi.getMap("paths.'/api/v1/shipments/{shipmentId}/checkpoints'.post.requestBody.content"
                + ".'application/json'.examples")).isNotEmpty();
    }

    @Test
    void theDocumentStatesTheConfiguredLimits() {
        String document = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        JsonPath openApi = JsonPath.from(document);

        assertThat(openApi.getString("paths.'/api/v1/checkpoints/batch'.post.summary"))
                .isEqualTo("Report up to 1,000 checkpoints");
        assertThat(openApi.getString("paths.'/api/v1/checkpoints/batch'.post.responses.'413'.description"))
                .isEqualTo("More than 1,000 events, or a body over 1 MiB");
        assertThat(document).doesNotContain("{max-");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8082", "http://127.0.0.1:8082"})
    void theDashboardOriginMayCallTheApiWithABearerToken(String dashboard) {
        given().header("Origin", dashboard)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/v1/checkpoints/batch").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", is(dashboard))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"));
    }

    @Test
    void anotherOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/checkpoints/batch").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
