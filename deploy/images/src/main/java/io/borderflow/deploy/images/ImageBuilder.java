package io.borderflow.deploy.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Builds the three services' OCI images as tar files, with no Docker engine and no registry: Jib from scratch, with
 * a Java runtime made by jlink and the few shared libraries it and the services' native libraries (RocksDB, zstd,
 * lz4, snappy, brotli) link against, taken from the build machine's Debian. Layers, from the least to the most
 * often changed: runtime, dependencies (quarkus-app/lib), application (the rest of quarkus-app).
 *
 * <p>Arguments: repository root, output directory, project version, JDK to jlink from, source URL, licenses.
 */
public final class ImageBuilder {

    /** The services and where each module sets its port. */
    static final List<String> SERVICES = List.of("shipment-ingest", "delay-analyzer", "alert-service");

    static final String USER = "1001";
    static final String JAVA_HOME = "/opt/java";
    static final String APP_DIR = "/deployments";
    /** Sized for containers: the heap follows the memory limit; an OutOfMemoryError ends the process for a restart. */
    static final String JAVA_OPTIONS = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError "
            + "--enable-native-access=ALL-UNNAMED";
    /**
     * What Quarkus, Netty, Kafka and the JDBC/reactive drivers use (jdk.unsupported: Unsafe for Netty and Kafka).
     * The aggregate java.se keeps the list short at the cost of a few megabytes (java.desktop).
     */
    static final String MODULES = "java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.jfr,"
            + "jdk.crypto.cryptoki,jdk.security.auth,jdk.security.jgss,jdk.net";

    /**
     * java.desktop comes for java.beans (Hibernate, Jackson, SnakeYAML); its libraries for a screen, a sound card and
     * the splash screen are never loaded by a headless service, so what they link against (X11, ALSA) stays out.
     */
    private static final Set<String> DISPLAY_ONLY = Set.of("libawt_xawt.so", "libjawt.so", "libsplashscreen.so",
            "libjsound.so");

    private static final Instant EPOCH_PLUS_ONE = Instant.ofEpochSecond(1);
    private static final FilePermissions DIRECTORY = FilePermissions.fromOctalString("755");
    private static final FilePermissions EXECUTABLE = FilePermissions.fromOctalString("755");
    private static final FilePermissions READABLE = FilePermissions.fromOctalString("644");
    private static final Pattern LDD_LINE = Pattern.compile("^\\s*(?:\\S+ => )?(/\\S+) \\(0x");

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            throw new IllegalArgumentException("usage: ImageBuilder <root> <output dir> <version> <jdk> <source> <licenses>");
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path out = Path.of(args[1]).toAbsolutePath();
        String version = args[2];
        Path jdk = Path.of(args[3]);
        Files.createDirectories(out);

        long start = System.nanoTime();
        Path runtime = jlink(jdk, out.resolve("work/runtime"));
        Set<Path> libraries = new TreeSet<>(sharedLibraries(runtime, out.resolve("work/natives"), root));
        Path etc = writeAccounts(out.resolve("work/etc"));
        FileEntriesLayer base = baseLayer(runtime, libraries, etc, out.resolve("work/empty"));
        String revision = git(root, "rev-parse", "HEAD");
        // the commit's time, not the build's: the same commit builds the same image
        Instant created = Instant.ofEpochSecond(Long.parseLong(git(root, "log", "-1", "--format=%ct")));
        Map<String, String> runtimeRelease = release(jdk);
        System.out.printf("runtime: %s %s, %d shared libraries, %.1f s%n", runtimeRelease.get("IMPLEMENTOR"),
                runtimeRelease.get("JAVA_RUNTIME_VERSION"), libraries.size(), (System.nanoTime() - start) / 1e9);

        for (String service : SERVICES) {
            long t = System.nanoTime();
            Path app = root.resolve(service + "/target/quarkus-app");
            if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
                throw new IllegalStateException(app + " is not built: ./mvnw -pl " + service + " -am package");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("org.opencontainers.image.title", service);
            labels.put("org.opencontainers.image.version", version);
            labels.put("org.opencontainers.image.source", args[4]);
            labels.put("org.opencontainers.image.revision", revision);
            labels.put("org.opencontainers.image.created", created.toString());
            labels.put("org.opencontainers.image.licenses", args[5]);
            // OCI images have no HEALTHCHECK: the probes' endpoints, for whoever runs the image
            labels.put("io.borderflow.health.liveness", "/q/health/live");
            labels.put("io.borderflow.health.readiness", "/q/health/ready");
            labels.put("io.borderflow.runtime", runtimeRelease.get("IMPLEMENTOR") + " " + runtimeRelease.get("JAVA_RUNTIME_VERSION"));

            JibContainerBuilder image = Jib.fromScratch()
                    .setFormat(ImageFormat.OCI)
                    .setPlatforms(Set.of(platform()))
                    .setCreationTime(created)
                    .addFileEntriesLayer(base)
                    .addFileEntriesLayer(tree("dependencies", app.resolve("lib"), APP_DIR + "/lib"))
                    .addFileEntriesLayer(application(app))
                    .setEnvironment(Map.of(
                            "JAVA_HOME", JAVA_HOME,
                            "PATH", JAVA_HOME + "/bin:/usr/bin:/bin",
                            "LANG", "C.UTF-8",
                            "JDK_JAVA_OPTIONS", JAVA_OPTIONS))
                    .setEntrypoint(JAVA_HOME + "/bin/java", "-jar", APP_DIR + "/quarkus-run.jar")
                    .setWorkingDirectory(AbsoluteUnixPath.get(APP_DIR))
                    .setUser(USER + ":" + USER)
                    .setExposedPorts(Port.tcp(httpPort(root, service)))
                    .setLabels(labels);
            image.containerize(Containerizer.to(TarImage.at(out.resolve(service + ".tar"))
                            .named("borderflow/" + service + ":" + version))
                    .setBaseImageLayersCache(out.resolve("work/jib-cache/base"))
                    .setApplicationLayersCache(out.resolve("work/jib-cache/application")));
            System.out.printf("%s: %s (%d MB), %.1f s%n", service, out.resolve(service + ".tar"),
                    Files.size(out.resolve(service + ".tar")) >> 20, (System.nanoTime() - t) / 1e9);
        }
    }

    /** The port a service serves: quarkus.http.port of its application.properties, the one place it is set. */
    static int httpPort(Path root, String service) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Integer.parseInt(properties.getProperty("quarkus.http.port"));
    }

    private static Platform platform() {
        String arch = System.getProperty("os.arch");
        return new Platform(arch.equals("aarch64") ? "arm64" : arch, "linux");
    }

    private static Path jlink(Path jdk, Path runtime) throws IOException, InterruptedException {
        deleteRecursively(runtime);
        Files.createDirectories(runtime.getParent());
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", MODULES, "--strip-debug", "--no-man-pages",
                "--no-header-files", "--compress", "zip-6", "--output", runtime.toString()));
        return runtime;
    }

    /**
     * Every shared library the runtime and the services' native libraries need, as the build machine's loader
     * resolves them (ldd), with the loader itself.
     */
    private static Set<Path> sharedLibraries(Path runtime, Path natives, Path root) throws IOException, InterruptedException {
        List<Path> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(f -> f.toString().endsWith(".so") || f.endsWith("bin/java"))
                    .filter(f -> !DISPLAY_ONLY.contains(f.getFileName().toString())).forEach(objects::add);
        }
        deleteRecursively(natives);
        for (String service : SERVICES) {
            try (Stream<Path> jars = Files.list(root.resolve(service + "/target/quarkus-app/lib/main"))) {
                for (Path jar : jars.toList()) {
                    objects.addAll(nativeLibraries(jar, natives));
                }
            }
        }
        Set<Path> libraries = new TreeSet<>();
        for (Path object : objects) {
            for (String line : ldd(object).lines().toList()) {
                Matcher m = LDD_LINE.matcher(line);
                if (m.find() && !m.group(1).startsWith(runtime.toString())) {
                    libraries.add(Path.of(m.group(1)));
                }
            }
        }
        return libraries;
    }

    /** The Linux shared objects of this machine's architecture a dependency unpacks at run time. */
    private static List<Path> nativeLibraries(Path jar, Path natives) throws IOException {
        List<String> arch = System.getProperty("os.arch").equals("aarch64")
                ? List.of("aarch64", "arm64") : List.of("x86_64", "amd64", "linux64");
        List<Path> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (var entry : zip.stream().toList()) {
                String name = entry.getName().toLowerCase();
                if (name.endsWith(".so") && name.contains("linux") && arch.stream().anyMatch(name::contains)
                        && !name.contains("musl")) {
                    Path target = natives.resolve(jar.getFileName() + "/" + entry.getName());
                    if (Files.exists(target)) {
                        continue; // a jar two services share
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    found.add(target);
                }
            }
        }
        return found;
    }

    /** The image's only account: the user the services run as, so the JVM has a home and a name. */
    private static Path writeAccounts(Path etc) throws IOException {
        Files.createDirectories(etc);
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "borderflow:x:" + USER + ":" + USER + ":BorderFlow:/home/borderflow:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nborderflow:x:" + USER + ":\n");
        return etc;
    }

    private static FileEntriesLayer baseLayer(Path runtime, Set<Path> libraries, Path etc, Path empty) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("runtime");
        addTree(layer, runtime, JAVA_HOME);
        for (Path library : libraries) {
            // at the path the loader looked it up under, with the content of what that path points to
            layer.addEntry(library.toRealPath(), AbsoluteUnixPath.get(library.toString()), EXECUTABLE, EPOCH_PLUS_ONE);
        }
        layer.addEntry(etc.resolve("passwd"), AbsoluteUnixPath.get("/etc/passwd"), READABLE, EPOCH_PLUS_ONE);
        layer.addEntry(etc.resolve("group"), AbsoluteUnixPath.get("/etc/group"), READABLE, EPOCH_PLUS_ONE);
        Files.createDirectories(empty);
        // Kafka's codecs and RocksDB unpack their native libraries into java.io.tmpdir
        layer.addEntry(empty, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), EPOCH_PLUS_ONE);
        // the user's home: the analyzer's default state directory lies below it
        layer.addEntry(empty, AbsoluteUnixPath.get("/home/borderflow"), DIRECTORY, EPOCH_PLUS_ONE, USER + ":" + USER);
        return layer.build();
    }

    private static FileEntriesLayer application(Path app) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("application");
        layer.addEntry(app.resolve("quarkus-run.jar"), AbsoluteUnixPath.get(APP_DIR + "/quarkus-run.jar"), READABLE,
                EPOCH_PLUS_ONE);
        addTree(layer, app.resolve("app"), APP_DIR + "/app");
        addTree(layer, app.resolve("quarkus"), APP_DIR + "/quarkus");
        return layer.build();
    }

    private static FileEntriesLayer tree(String name, Path source, String target) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        addTree(layer, source, target);
        return layer.build();
    }

    /** A directory tree, root-owned and not writable by the services' user; executables keep their bit. */
    private static void addTree(FileEntriesLayer.Builder layer, Path source, String target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.sorted().toList()) {
                String relative = source.relativize(file).toString();
                AbsoluteUnixPath to = AbsoluteUnixPath.get(relative.isEmpty() ? target : target + "/" + relative);
                FilePermissions permissions = Files.isDirectory(file) || Files.isExecutable(file) ? EXECUTABLE : READABLE;
                layer.addEntry(file, to, permissions, EPOCH_PLUS_ONE);
            }
        }
    }

    private static Map<String, String> release(Path jdk) throws IOException {
        Map<String, String> release = new TreeMap<>();
        for (String line : Files.readAllLines(jdk.resolve("release"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                release.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        return release;
    }

    private static String git(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        return run(command).strip();
    }

    /** ldd's answer; a statically linked object has nothing to list and makes ldd fail. */
    private static String ldd(Path object) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ldd", object.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return output;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private ImageBuilder() {
    }
}
