-- Schema alerts is created by Flyway (quarkus.flyway.create-schemas); the service's tables follow in later versions.
COMMENT ON SCHEMA alerts IS 'owned by alert-service';
