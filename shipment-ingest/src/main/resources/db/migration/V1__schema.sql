-- Schema ingest is created by Flyway (quarkus.flyway.create-schemas); the service's tables follow in later versions.
COMMENT ON SCHEMA ingest IS 'owned by shipment-ingest';
