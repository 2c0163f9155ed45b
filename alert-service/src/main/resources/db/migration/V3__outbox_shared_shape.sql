-- The outbox takes the shape every BorderFlow service shares (service-support's Outbox, README "Transactional
-- outbox"): the Kafka record as it will be produced — topic, key, value bytes, headers — so one relay serves all.
-- Rows keep their ids, so unpublished ones go out in the order they had.
alter table alerts.outbox_event rename to outbox;
alter sequence alerts.outbox_event_id_seq rename to outbox_id_seq;
alter index alerts.outbox_event_pkey rename to outbox_pkey;
alter index alerts.outbox_event_unpublished rename to outbox_unsent;
alter table alerts.outbox rename column published_at to sent_at;
alter table alerts.outbox alter column topic type text, alter column message_key type text;
-- the relay produced the text's UTF-8 bytes (StringSerializer), without headers
alter table alerts.outbox alter column payload type bytea using convert_to(payload, 'UTF8');
alter table alerts.outbox add column headers text;
-- the eventId is inside the payload
alter table alerts.outbox drop column event_id;
