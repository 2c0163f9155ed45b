package io.borderflow.deploy.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The images ImageBuilder wrote to target/images, read as a container runtime would read them. */
class ImagesIT {

    private static final Path IMAGES = Path.of("target/images");
    private static final Path ROOT = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("io.borderflow.deploy.images.ImageBuilder#SERVICES")
    void runsTheServiceAsANonRootUserOnItsOwnPortWithTheLabelsOfItsCommit(String service) throws Exception {
        Image image = Image.read(IMAGES.resolve(service + ".tar"));
        JsonNode config = image.config().path("config");

        assertThat(config.path("User").asText()).isEqualTo("1001:1001");
        assertThat(texts(config.path("Entrypoint"))).containsExactly("/opt/java/bin/java", "-jar", "/deployments/quarkus-run.jar");
        assertThat(config.path("ExposedPorts").properties()).extracting(Map.Entry::getKey)
                .containsExactly(port(service) + "/tcp");
        assertThat(texts(config.path("Env"))).anySatisfy(env ->
                assertThat(env).startsWith("JDK_JAVA_OPTIONS=").contains("-XX:MaxRAMPercentage="));

        JsonNode labels = config.path("Labels");
        assertThat(labels.path("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(labels.path("org.opencontainers.image.version").asText()).isEqualTo(System.getProperty("project.version"));
        assertThat(labels.path("org.opencontainers.image.revision").asText()).isEqualTo(git("rev-parse", "HEAD"));
        assertThat(Instant.parse(labels.path("org.opencontainers.image.created").asText()))
                .isEqualTo(Instant.ofEpochSecond(Long.parseLong(git("log", "-1", "--format=%ct"))));
        assertThat(labels.path("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(labels.path("org.opencontainers.image.licenses").asText()).isNotBlank();
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
    }

    @Test
    void theServicesShareTheRuntimeLayerAndDifferAboveIt() throws Exception {
        List<String> ingest = Image.read(IMAGES.resolve("shipment-ingest.tar")).layers();
        List<String> alerts = Image.read(IMAGES.resolve("alert-service.tar")).layers();
        assertThat(ingest).hasSize(3);
        assertThat(alerts.get(0)).isEqualTo(ingest.get(0));
        assertThat(alerts.get(2)).isNotEqualTo(ingest.get(2));
    }

    /**
     * No container runtime works on the build machines; the image's file system, unpacked and entered with chroot as
     * the image's user, with its environment and a /proc as a runtime mounts it, shows that its Java starts and that
     * RocksDB's native library finds every library it needs there.
     */
    @Test
    void theUnpackedImageRunsItsJavaAndLoadsRocksDbAsItsUser(@TempDir Path rootfs) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chroot needs root");
        Image image = Image.read(IMAGES.resolve("delay-analyzer.tar"));
        for (String layer : image.layers()) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", image.blob(layer).toString(), "-C", rootfs.toString()));
        }
        Files.setPosixFilePermissions(rootfs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = new HashMap<>();
        image.config().at("/config/Env").forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().split("=", 2)[1]));
        JsonNode config = image.config().path("config");

        Path proc = Files.createDirectories(rootfs.resolve("proc"));
        run(List.of("mount", "-t", "proc", "proc", proc.toString()), Map.of());
        try {
            String java = run(List.of("chroot", "--userspec=" + config.path("User").asText(), rootfs.toString(),
                    config.at("/Entrypoint/0").asText(), "-version"), env);
            assertThat(java).contains("Picked up JDK_JAVA_OPTIONS: " + env.get("JDK_JAVA_OPTIONS"))
                    .containsPattern("Runtime Environment .*build \\d+");
        } finally {
            run(List.of("umount", proc.toString()), Map.of());
        }

        Path rocksJar;
        try (var jars = Files.list(rootfs.resolve("deployments/lib/main"))) {
            rocksJar = jars.filter(j -> j.getFileName().toString().contains("rocksdbjni")).findFirst().orElseThrow();
        }
        try (ZipFile zip = new ZipFile(rocksJar.toFile());
             InputStream in = zip.getInputStream(zip.getEntry("librocksdbjni-linux64.so"))) {
            Files.copy(in, rootfs.resolve("tmp/librocksdbjni.so"));
        }
        String linked = run(List.of("chroot", rootfs.toString(), "/lib64/ld-linux-x86-64.so.2", "--list",
                "/tmp/librocksdbjni.so"), Map.of());
        assertThat(linked).contains("libstdc++.so.6 => /").doesNotContain("not found");
    }

    private static String port(String service) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        }
        return properties.getProperty("quarkus.http.port");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(e -> texts.add(e.asText()));
        return texts;
    }

    private static String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", ROOT.toString()));
        command.addAll(List.of(args));
        return run(command).strip();
    }

    private static String run(List<String> command) throws Exception {
        return run(command, System.getenv());
    }

    private static String run(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    /** An OCI image layout in a tar file, unpacked: its index, manifest, config and layer blobs. */
    record Image(Path dir, JsonNode manifest, JsonNode config) {

        static final Map<Path, Image> READ = new HashMap<>();

        static synchronized Image read(Path tar) throws Exception {
            Image cached = READ.get(tar);
            if (cached != null) {
                return cached;
            }
            Path dir = Files.createDirectories(Path.of("target/image-layouts", tar.getFileName().toString()));
            run(List.of("tar", "-xf", tar.toString(), "-C", dir.toString()));
            JsonNode index = JSON.readTree(dir.resolve("index.json").toFile());
            JsonNode manifest = JSON.readTree(blobPath(dir, index.at("/manifests/0/digest").asText()).toFile());
            JsonNode config = JSON.readTree(blobPath(dir, manifest.at("/config/digest").asText()).toFile());
            Image image = new Image(dir, manifest, config);
            READ.put(tar, image);
            return image;
        }

        List<String> layers() {
            return manifest.path("layers").findValuesAsText("digest");
        }

        Path blob(String digest) {
            return blobPath(dir, digest);
        }

        private static Path blobPath(Path dir, String digest) {
            return dir.resolve("blobs/" + digest.replace(':', '/'));
        }
    }
}
