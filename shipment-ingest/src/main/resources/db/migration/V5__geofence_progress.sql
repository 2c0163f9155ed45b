-- Where each shipment's truck is on its way through its crossing, as the geofence derivation last left it
-- (domain/geofence/CrossingProgress as JSON): the state that survives restarts and rebalances of positions.v1.
CREATE TABLE ingest.geofence_progress (
    shipment_id text PRIMARY KEY,
    progress    text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
