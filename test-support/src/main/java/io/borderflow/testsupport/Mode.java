package io.borderflow.testsupport;

import java.util.Locale;

/** How a test gets a real dependency. Chosen by a system property, else an environment variable. */
public enum Mode {
    /** Pick the best that runs here (see each resource). */
    AUTO,
    /** The PostgreSQL server on 127.0.0.1:5432. */
    LOCAL,
    /** A real server started inside the test JVM (Kafka KRaft) or from Maven-shipped binaries (PostgreSQL). */
    EMBEDDED,
    /** A container, which needs a Docker engine. */
    TESTCONTAINERS,
    /** A server someone else runs, named by an environment variable. */
    EXTERNAL;

    /** Reads e.g. {@code -Dborderflow.test.kafka=embedded} or {@code BORDERFLOW_TEST_KAFKA=embedded}. */
    static Mode selected(String dependency) {
        String property = "borderflow.test." + dependency;
        String env = property.toUpperCase(Locale.ROOT).replace('.', '_');
        String value = System.getProperty(property, System.getenv(env));
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + "/" + env + " must be one of auto, local, embedded, "
                    + "testcontainers, external; was " + value, e);
        }
    }

    static String required(String envVariable) {
        String value = System.getProperty(envVariable, System.getenv(envVariable));
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(envVariable + " must be set in external mode");
        }
        return value;
    }
}
