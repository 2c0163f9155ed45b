package io.borderflow.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** deploy/compose agrees with the services' configuration, the images' names and the build's Kafka version. */
class ComposeFileTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheBuiltImagesOnTheirConfiguredPortsAndPrometheusScrapesThem() throws Exception {
        Map<String, Object> services = (Map<String, Object>) load("../compose/compose.yaml").get("services");
        Map<String, Object> prometheus = load("../compose/prometheus/prometheus.yml");
        Map<String, Object> job = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        List<String> targets = (List<String>) ((List<Map<String, Object>>) job.get("static_configs")).get(0).get("targets");
        assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");

        for (String name : Manifests.SERVICES) {
            Map<String, Object> service = (Map<String, Object>) services.get(name);
            String port = Manifests.applicationProperties(name).getProperty("quarkus.http.port");
            assertThat(service.get("image")).isEqualTo("borderflow/" + name + ":" + System.getProperty("project.version"));
            assertThat((List<String>) service.get("ports")).containsExactly(port + ":" + port);
            assertThat((List<String>) service.get("volumes")).anyMatch(v -> v.contains("public-key.pem:"));
            assertThat(targets).contains(name + ":" + port);
        }
        String kafkaVersion = property(Files.readString(Manifests.ROOT.resolve("pom.xml")), "kafka.version");
        assertThat(((Map<String, Object>) services.get("kafka")).get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
        assertThat(((Map<String, Object>) services.get("kafka-topics")).get("image")).isEqualTo("apache/kafka:" + kafkaVersion);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeAndTheDevOverlayAcceptTheTokensOfDeployLocalToken() throws Exception {
        String issuer = property(Files.readString(Manifests.ROOT.resolve("deploy/local/lib.sh")), "ISSUER");
        for (String name : Manifests.SERVICES) {
            Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) load("../compose/compose.yaml")
                    .get("services")).get(name);
            assertThat(((Map<String, Object>) service.get("environment")).get("MP_JWT_VERIFY_ISSUER")).isEqualTo(issuer);
        }
        assertThat(Manifests.render("dev").named("ConfigMap", "borderflow-services").at("/data/MP_JWT_VERIFY_ISSUER")
                .asText()).isEqualTo(issuer);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeAndBothOverlaysLogJsonAndComposeTracesToItsJaeger() throws Exception {
        Map<String, Object> services = (Map<String, Object>) load("../compose/compose.yaml").get("services");
        for (String name : Manifests.SERVICES) {
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(name))
                    .get("environment");
            assertThat(environment).containsEntry("BORDERFLOW_LOG_JSON", "true")
                    .containsEntry("BORDERFLOW_OTLP_ENDPOINT", "http://jaeger:4317");
        }
        assertThat(services).containsKey("jaeger");
        for (String overlay : List.of("dev", "prod")) {
            assertThat(Manifests.render(overlay).named("ConfigMap", "borderflow-services").at("/data/BORDERFLOW_LOG_JSON")
                    .asText()).as(overlay).isEqualTo("true");
        }
    }

    @Test
    void theDevOverlayDeploysTheImagesOfThisVersion() {
        Manifests dev = Manifests.render("dev");
        for (String name : Manifests.SERVICES) {
            assertThat(dev.objects().stream().flatMap(o -> o.findValuesAsText("image").stream()))
                    .contains("borderflow/" + name + ":" + System.getProperty("project.version"));
        }
    }

    private static Map<String, Object> load(String file) throws Exception {
        try (Reader reader = Files.newBufferedReader(Path.of(file))) {
            return new Yaml().load(reader);
        }
    }

    /** A property of the root pom ({@code <name>value</name>}) or a variable of a shell script ({@code NAME="value"}). */
    private static String property(String file, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</|^" + Pattern.quote(name) + "=\"([^\"]+)\"",
                Pattern.MULTILINE).matcher(file);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
