package io.borderflow.support.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The outbox tests get a database (PostgresResource) and migrate it; this module's other tests have none. */
public class OutboxTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.hibernate-orm.active", "true", "quarkus.flyway.migrate-at-start", "true");
    }
}
