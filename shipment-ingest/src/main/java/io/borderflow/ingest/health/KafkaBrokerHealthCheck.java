package io.borderflow.ingest.health;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while a broker answers. Replaces Quarkus' Kafka check, whose cluster lookup has no deadline of its
 * own: with the broker gone it held {@code /q/health/ready} for a minute instead of answering DOWN.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealthCheck implements AsyncHealthCheck {

    static final String NAME = "Kafka broker connection";
    /** The promise: a probe answers (DOWN, if no broker answered) within this, never hangs past it. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);

    private final Map<String, Object> config;
    private Admin admin;

    @Inject
    public KafkaBrokerHealthCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>(kafka.entrySet().stream()
                .filter(e -> AdminClientConfig.configNames().contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) DEADLINE.toMillis());
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> admin().describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) DEADLINE.toMillis())).nodes().toCompletionStage())
                .map(nodes -> HealthCheckResponse.named(NAME).up().withData("nodes", nodes.stream()
                        .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","))).build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", String.valueOf(e.getMessage())).build());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
