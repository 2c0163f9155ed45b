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

    private static String property(String pom, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as(name + " in the root pom").isTrue();
        return m.group(1);
    }
}
