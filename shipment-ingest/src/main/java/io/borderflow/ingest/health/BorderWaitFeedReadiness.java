package io.borderflow.ingest.health;

import io.borderflow.ingest.domain.waittimes.PollState;
import io.borderflow.ingest.service.BorderWaitPoller;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows how the CBP feed reader does, and is always UP: carriers' checkpoints do not depend on CBP, so a failing
 * feed must not take the service out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class BorderWaitFeedReadiness implements HealthCheck {

    static final String NAME = "CBP Border Wait Times feed";

    private final BorderWaitPoller poller;

    BorderWaitFeedReadiness(BorderWaitPoller poller) {
        this.poller = poller;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        if (!poller.enabled()) {
            return response.withData("enabled", false).build();
        }
        PollState state = poller.state();
        response.withData("enabled", true)
                .withData("lastSuccessfulPoll", String.valueOf(state.lastSuccessAt()))
                .withData("consecutiveFailures", state.consecutiveFailures());
        if (state.lastFailure() != null) {
            response.withData("lastFailure", state.lastFailure());
        }
        return response.build();
    }
}
