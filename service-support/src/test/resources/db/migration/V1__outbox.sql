-- The outbox table every service has in its own schema (service-support's README, "Transactional outbox").
create table outbox_test.outbox (
    id          bigserial   primary key,
    topic       text        not null,
    message_key text        not null,
    payload     bytea       not null,
    headers     text,
    created_at  timestamptz not null,
    sent_at     timestamptz
);
create index outbox_unsent on outbox_test.outbox (id) where sent_at is null;

-- the caller's own data, changed in the transaction that appends the record
create table outbox_test.parcel (
    id       text   primary key,
    revision bigint not null
);
