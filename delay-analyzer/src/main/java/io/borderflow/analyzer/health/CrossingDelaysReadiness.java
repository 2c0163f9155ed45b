package io.borderflow.analyzer.health;

import io.borderflow.analyzer.messaging.CrossingDelaysReader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the board holds what crossing-delays.v1 held at start: no answers from a half-loaded board. */
@Readiness
@ApplicationScoped
public class CrossingDelaysReadiness implements HealthCheck {

    private final CrossingDelaysReader reader;

    CrossingDelaysReadiness(CrossingDelaysReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("crossing delays loaded").status(reader.caughtUp()).build();
    }
}
