package io.borderflow.analyzer;

import io.borderflow.testsupport.HealthChecks;
import io.borderflow.testsupport.InjectPostgres;
import io.borderflow.testsupport.KafkaResource;
import io.borderflow.testsupport.PostgresDatabase;
import io.borderflow.testsupport.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(StreamsStateResource.class)
class ServiceHealthTest {

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void readinessIsUpWithTheBrokerAndTheDatabaseConnected() {
        HealthChecks.assertReadyWith("Kafka connection health check", "Reactive PostgreSQL connections health check",
                "Kafka Streams topics health check", "crossing delays loaded");
    }

    @Test
    void livenessMetricsAndOpenApiAreServed() {
        HealthChecks.assertServesLivenessMetricsAndOpenApi("delay-analyzer");
    }

    @Test
    void flywayMigratedTheServiceSchema() {
        HealthChecks.assertMigrated(database, "analyzer");
    }
}
