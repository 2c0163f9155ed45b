-- The trend of every series in 5-minute bins: the latest statistics published within each bin.
-- Kept for borderflow.analyzer.history-retention (30 days); written idempotently by every instance.
CREATE TABLE analyzer.delay_bin (
    crossing_id          TEXT             NOT NULL,
    direction            TEXT             NOT NULL,
    lane_type            TEXT             NOT NULL,
    bin_start            TIMESTAMPTZ      NOT NULL,
    as_of                TIMESTAMPTZ      NOT NULL,
    stale                BOOLEAN          NOT NULL,
    live_wait_minutes    DOUBLE PRECISION,
    wait_p50_minutes     DOUBLE PRECISION,
    crossing_p50_minutes DOUBLE PRECISION,
    crossing_p95_minutes DOUBLE PRECISION,
    queued_now           INTEGER          NOT NULL,
    samples              INTEGER          NOT NULL,
    PRIMARY KEY (crossing_id, bin_start, direction, lane_type)
);

-- retention deletes by age across all crossings
CREATE INDEX delay_bin_bin_start ON analyzer.delay_bin (bin_start);
