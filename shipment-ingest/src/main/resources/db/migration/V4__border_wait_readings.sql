-- CBP's latest reading per series, as published to border-waits.v1: the memory that lets every replica read the
-- feed while each changed reading is appended to the outbox once (BorderWaitReadings).
CREATE TABLE ingest.border_wait_reading (
    series      text PRIMARY KEY,
    reading     text NOT NULL,
    recorded_at timestamptz NOT NULL
);
