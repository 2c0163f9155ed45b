-- On-call routing (README "Routing"): the configuration as written, every version kept, the newest in force.
create table alerts.routing_config (
    version    bigserial    primary key,
    yaml       text         not null,
    created_by varchar(200) not null,
    created_at timestamptz  not null
);

-- Alertmanager's aggregation groups, durable: one per group key and receiver while it has alerts. The last
-- notification (firing and resolved fingerprints, when) decides whether a flush speaks; the flush that
-- writes a group's notifications into alerts.notification updates it in the same transaction.
create table alerts.alert_group (
    id                 bigserial    primary key,
    group_key          text         not null,
    receiver           varchar(200) not null,
    group_labels       text         not null,
    group_interval_ms  bigint       not null,
    repeat_interval_ms bigint       not null,
    next_flush_at      timestamptz  not null,
    flushed            boolean      not null,
    sequence           integer      not null,
    notified_firing    text,
    notified_resolved  text,
    notified_at        timestamptz,
    unique (group_key, receiver)
);
create index alert_group_due on alerts.alert_group (next_flush_at);

create table alerts.alert_group_member (
    id          bigserial   primary key,
    group_id    bigint      not null references alerts.alert_group (id) on delete cascade,
    fingerprint varchar(32) not null,
    unique (group_id, fingerprint)
);
create index alert_group_member_fingerprint on alerts.alert_group_member (fingerprint);

-- a routed webhook names its URL per row; null = the channel's configured destination
alter table alerts.notification add column target text;
