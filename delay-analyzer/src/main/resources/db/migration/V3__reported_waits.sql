-- CBP's reported waits as read from border-waits.v1, for the trend: the reading in effect at each point.
-- Kept like the delay bins (history-retention); written idempotently by every instance.
CREATE TABLE analyzer.reported_wait (
    crossing_id  TEXT        NOT NULL,
    direction    TEXT        NOT NULL,
    lane_type    TEXT        NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL,
    wait_minutes INTEGER,
    PRIMARY KEY (crossing_id, direction, lane_type, reported_at)
);

CREATE INDEX reported_wait_reported_at ON analyzer.reported_wait (reported_at);
