package io.borderflow.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** An overlay as {@code kubectl kustomize} renders it, and the files of the repository the manifests refer to. */
record Manifests(String overlay, List<JsonNode> objects) {

    /** The modules that run as services, each with its own workload, Service and image. */
    static final List<String> SERVICES = List.of("shipment-ingest", "delay-analyzer", "alert-service");

    /** The repository's root, from this module's directory (where Maven runs the tests). */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    static Manifests render(String overlay) {
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", "overlays/" + overlay)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String yaml;
            try (InputStream out = kubectl.getInputStream()) {
                yaml = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize overlays/" + overlay + " failed");
            }
            ObjectMapper yamlMapper = new ObjectMapper(new YAMLFactory());
            List<JsonNode> objects = yamlMapper.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()
                    .stream().filter(o -> !o.isNull() && !o.isMissingNode()).toList();
            return new Manifests(overlay, objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.at("/metadata/name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": no " + kind + " " + name));
    }

    /** A service module's application.properties (the service's configuration keys and their values). */
    static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(module + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
