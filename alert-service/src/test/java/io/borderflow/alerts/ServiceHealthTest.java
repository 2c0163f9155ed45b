package io.borderflow.alerts;

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
class ServiceHealthTest {

    @InjectPostgres
    PostgresDatabase database;

    @Test
    void readinessIsUpWithTheBrokerAndTheDatabaseConnected() {
        HealthChecks.assertReadyWith("Kafka connection health check", "Reactive PostgreSQL connections health check");
    }

    @Test
    void livenessMetricsAndOpenApiAreServed() {
        HealthChecks.assertServesLivenessMetricsAndOpenApi("alert-service");
    }

    @Test
    void flywayMigratedTheServiceSchema() {
        HealthChecks.assertMigrated(database, "alerts");
    }
}
