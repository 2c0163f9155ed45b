-- The trace a notification was planned in (W3C traceparent; null outside a trace): the delivery worker sends it
-- later, from its own timer, and continues that trace so the receiver's request belongs to the alert's trace.
alter table alerts.notification add column traceparent text;
