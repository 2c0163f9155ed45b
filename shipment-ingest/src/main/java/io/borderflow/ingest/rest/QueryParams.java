package io.borderflow.ingest.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Query parameters are read as text and parsed here: JAX-RS would answer a malformed one with 404, a client
 * deserves 400 naming the parameter.
 */
final class QueryParams {

    static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw IngestProblems.invalidQuery(name, "must be between " + min + " and " + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw IngestProblems.invalidQuery(name, "expected a number");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw IngestProblems.invalidQuery(name, "expected an ISO-8601 instant like 2026-11-27T18:00:00Z");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw IngestProblems.invalidQuery(name, "'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private QueryParams() {
    }
}
