-- The trace each group member joined its group in (W3C traceparent of its transition; null outside a trace): a
-- group's flush, later and from a timer, is a span of its own linked to them, so each alert's trace leads to the
-- message that told of it.
alter table alerts.alert_group_member add column traceparent text;
