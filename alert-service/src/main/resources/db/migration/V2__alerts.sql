-- Rules, alert instances with their history, silences, and the two outboxes (events for alerts.v1,
-- notifications for on-call). Durations are seconds; instants timestamptz; labels JSON text.

create table alerts.rule (
    id                      varchar(64)  primary key,
    name                    varchar(200) not null,
    measure                 varchar(40)  not null,
    crossing_id             varchar(100),
    direction               varchar(20),
    lane_type               varchar(20),
    carrier_id              varchar(100),
    comparison              varchar(2)   not null,
    threshold               double precision not null,
    for_seconds             bigint       not null check (for_seconds >= 0),
    keep_firing_for_seconds bigint       not null check (keep_firing_for_seconds >= 0),
    severity                varchar(10)  not null,
    summary                 varchar(500),
    runbook_url             varchar(500),
    enabled                 boolean      not null,
    created_at              timestamptz  not null,
    updated_at              timestamptz  not null
);

create table alerts.alert_instance (
    fingerprint           varchar(32)  primary key,
    rule_id               varchar(64)  not null,
    labels                text         not null,
    crossing_id           varchar(100),
    severity              varchar(10)  not null,
    state                 varchar(10)  not null,
    condition             varchar(10)  not null,
    value                 double precision,
    active_at             timestamptz,
    starts_at             timestamptz,
    ends_at               timestamptz,
    false_since           timestamptz,
    last_observed_at      timestamptz,
    last_event_id         uuid,
    acknowledged_by       varchar(200),
    acknowledged_at       timestamptz,
    acknowledge_comment   varchar(1000),
    last_notified_at      timestamptz,
    notification_sequence integer      not null,
    updated_at            timestamptz  not null
);
-- the tick walks pending and firing instances; the on-call list filters by state
create index alert_instance_state on alerts.alert_instance (state, updated_at desc);
create index alert_instance_rule on alerts.alert_instance (rule_id);

create table alerts.alert_history (
    id          bigserial    primary key,
    fingerprint varchar(32)  not null,
    at          timestamptz  not null,
    from_state  varchar(10)  not null,
    to_state    varchar(10)  not null,
    value       double precision
);
create index alert_history_fingerprint on alerts.alert_history (fingerprint, id);

create table alerts.silence (
    id         uuid          primary key,
    matchers   text          not null,
    starts_at  timestamptz   not null,
    ends_at    timestamptz   not null,
    created_by varchar(200)  not null,
    comment    varchar(1000) not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null
);

-- AlertStateChanged events, written in the transaction of the state change and relayed to alerts.v1
create table alerts.outbox_event (
    id           bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    message_key  varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index outbox_event_unpublished on alerts.outbox_event (id) where published_at is null;

-- one row per notification and channel; the delivery worker sends them in order per alert and channel
create table alerts.notification (
    id               bigserial     primary key,
    fingerprint      varchar(32)   not null,
    channel          varchar(20)   not null,
    kind             varchar(20)   not null,
    sequence         integer       not null,
    idempotency_key  varchar(120)  not null,
    payload          text          not null,
    status           varchar(10)   not null,
    attempts         integer       not null,
    next_attempt_at  timestamptz   not null,
    created_at       timestamptz   not null,
    sent_at          timestamptz,
    last_status_code integer,
    last_error       varchar(1000),
    unique (idempotency_key, channel)
);
create index notification_due on alerts.notification (next_attempt_at) where status = 'PENDING';
create index notification_fingerprint on alerts.notification (fingerprint, channel, id);
