package io.borderflow.analyzer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.borderflow.analyzer.StreamsStateResource;
import io.borderflow.support.config.GeofenceFileConfig;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresResource;
import io.borderflow.testsupport.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/geofences}: the zones of the deployment's own geofence file (the setting ingest reads), as
 * GeoJSON, for every role.
 */
@QuarkusTest
@TestProfile(GeofencesEndToEndTest.DeploymentFile.class)
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
class GeofencesEndToEndTest {

    /** A surveyed-looking Progreso northbound, three stacked squares, in place of the approximate defaults. */
    static final String FILE = """
            {"type":"FeatureCollection","features":[%s,%s,%s]}""".formatted(
            square("QUEUE", 26.05), square("PRIMARY_INSPECTION", 26.06), square("EXIT", 26.07));

    public static class DeploymentFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempFile("geofences", ".geojson");
                file.toFile().deleteOnExit();
                Files.writeString(file, FILE);
                return Map.of(GeofenceFileConfig.FILE, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void theDeploymentsFileIsServedAsGeoJsonToEveryRole() {
        for (String token : List.of(TestTokens.operator(), TestTokens.oncall(), TestTokens.admin(),
                TestTokens.carrier("acme"))) {
            JsonPath served = given().auth().oauth2(token).accept(GeofenceResource.GEO_JSON)
                    .when().get("/api/v1/geofences")
                    .then().statusCode(200).contentType(startsWith(GeofenceResource.GEO_JSON))
                    .extract().jsonPath();

            assertThat(served.getString("type")).isEqualTo("FeatureCollection");
            assertThat(served.getList("features.properties.zone"))
                    .containsExactly("QUEUE", "PRIMARY_INSPECTION", "EXIT");
            assertThat(served.getList("features.properties.crossingId")).containsOnly("progreso");
            assertThat(served.getList("features.properties.direction")).containsOnly("NORTHBOUND");
            assertThat(served.getList("features[1].geometry.coordinates[0]", List.class))
                    .containsExactlyElementsOf(new JsonPath(FILE).getList("features[1].geometry.coordinates[0]", List.class));
        }
    }

    @Test
    void theDashboardsJsonRequestIsAnsweredToo() {
        given().auth().oauth2(TestTokens.operator()).accept("application/json, application/problem+json")
                .when().get("/api/v1/geofences")
                .then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        given().when().get("/api/v1/geofences")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    private static String square(String zone, double south) {
        return """
                {"type":"Feature","properties":{"crossingId":"progreso","direction":"NORTHBOUND","zone":"%s"},
                 "geometry":{"type":"Polygon","coordinates":[[[-97.95,%s],[-97.94,%s],[-97.94,%s],[-97.95,%s],[-97.95,%s]]]}}"""
                .formatted(zone, south, south, south + 0.01, south + 0.01, south);
    }
}
