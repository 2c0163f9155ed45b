-- Schema analyzer is created by Flyway (quarkus.flyway.create-schemas); the service's tables follow in later versions.
COMMENT ON SCHEMA analyzer IS 'owned by delay-analyzer';
