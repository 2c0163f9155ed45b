-- The outbox takes the shape every BorderFlow service shares (service-support's Outbox, README "Transactional
-- outbox"): the Kafka record as it will be produced — topic, key, value bytes, headers — so one relay serves all.
-- Rows keep their ids, so unsent ones go out in the order they had.
ALTER TABLE ingest.outbox RENAME COLUMN shipment_id TO message_key;
ALTER TABLE ingest.outbox ADD COLUMN topic text;
UPDATE ingest.outbox SET topic = 'shipments.v1';
ALTER TABLE ingest.outbox ALTER COLUMN topic SET NOT NULL;
-- the relay produced the text's UTF-8 bytes, and the event type as header event-type
ALTER TABLE ingest.outbox ALTER COLUMN payload TYPE bytea USING convert_to(payload, 'UTF8');
ALTER TABLE ingest.outbox ADD COLUMN headers text;
UPDATE ingest.outbox SET headers = json_build_array(json_build_object(
    'name', 'event-type', 'value', encode(convert_to(event_type, 'UTF8'), 'base64')))::text;
-- the eventId is inside the payload; the event type now travels as a header
ALTER TABLE ingest.outbox DROP COLUMN event_type, DROP COLUMN event_id;
