package io.borderflow.ingest;

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
        HealthChecks.assertReadyWith("Kafka broker connection", "Reactive PostgreSQL connections health check");
    }

    @Test
    void livenessMetricsAndOpenApiAreServed() {
        HealthChecks.assertServesLivenessMetricsAndOpenApi("shipment-ingest");
    }

    @Test
    void flywayMigratedTheServiceSchema() {
        HealthChecks.assertMigrated(database, "ingest");
    }
}
