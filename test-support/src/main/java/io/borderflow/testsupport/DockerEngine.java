package io.borderflow.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here; asked once per JVM. */
public final class DockerEngine {

    private static Boolean answers;

    public static synchronized boolean answers() {
        if (answers == null) {
            // without a socket or DOCKER_HOST there is nothing to ask; skip Testcontainers' noisy probe
            boolean configured = System.getenv("DOCKER_HOST") != null
                    || Files.exists(Path.of("/var/run/docker.sock"));
            answers = configured && probe();
        }
        return answers;
    }

    private static boolean probe() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private DockerEngine() {
    }
}
