-- The shipment registry: carriers write it through the REST API.
CREATE TABLE ingest.shipment (
    shipment_id       text        PRIMARY KEY,
    carrier_id        text        NOT NULL,
    crossing_id       text        NOT NULL,
    direction         text        NOT NULL,
    lane_type         text        NOT NULL,
    planned_arrival   timestamptz NOT NULL,
    -- JSON object of reference numbers (bill of lading, PO...): read and written whole, never queried
    reference_numbers text        NOT NULL DEFAULT '{}',
    revision          bigint      NOT NULL,
    registered_at     timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX shipment_carrier_planned_idx ON ingest.shipment (carrier_id, planned_arrival);
CREATE INDEX shipment_crossing_planned_idx ON ingest.shipment (crossing_id, planned_arrival);

-- Transactional outbox: written in the same transaction as the shipment change, relayed to shipments.v1.
-- The id orders the changes; one shipment's rows are written under its row lock, so id order is commit order.
CREATE TABLE ingest.outbox (
    id          bigserial   PRIMARY KEY,
    event_id    uuid        NOT NULL UNIQUE,
    shipment_id text        NOT NULL,
    event_type  text        NOT NULL,
    -- the exact record value that goes to Kafka
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);
CREATE INDEX outbox_unsent_idx ON ingest.outbox (id) WHERE sent_at IS NULL;

-- Read model, fed by consuming checkpoints.v1: one row per eventId, so a redelivered record changes nothing.
CREATE TABLE ingest.checkpoint (
    event_id        uuid             PRIMARY KEY,
    shipment_id     text             NOT NULL,
    carrier_id      text             NOT NULL,
    checkpoint_type text             NOT NULL,
    occurred_at     timestamptz      NOT NULL,
    source          text             NOT NULL,
    latitude        double precision,
    longitude       double precision,
    recorded_at     timestamptz      NOT NULL
);
CREATE INDEX checkpoint_shipment_time_idx ON ingest.checkpoint (shipment_id, occurred_at);

-- Read model, fed by consuming shipment-delays.v1: the newest delay status (by event time) per shipment.
CREATE TABLE ingest.shipment_delay (
    shipment_id        text             PRIMARY KEY,
    event_id           uuid             NOT NULL,
    status             text             NOT NULL,
    wait_minutes       double precision,
    crossing_minutes   double precision,
    delay_minutes      double precision,
    last_checkpoint_at timestamptz,
    updated_at         timestamptz      NOT NULL
);
CREATE INDEX shipment_delay_status_idx ON ingest.shipment_delay (status);
