package io.borderflow.ingest.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PostgreSQL keeps instants to the microsecond. Instants that are stored are cut to that precision up front,
 * so what an API call returns, what is published and what is read back later are the same value.
 */
public final class Timestamps {

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private Timestamps() {
    }
}
