package io.borderflow.events;

/** Validation shared by the event records: a missing required field fails with the field's name. */
final class Required {

    static <T> T field(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    static int version(int schemaVersion) {
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion is required (1 or more)");
        }
        return schemaVersion;
    }

    private Required() {
    }
}
