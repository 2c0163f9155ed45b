-- A version without YAML records that an admin removed the routing configuration (DELETE /api/v1/routing):
-- from it on, every enabled channel gets every alert again. Earlier versions stay as they were written.
alter table alerts.routing_config alter column yaml drop not null;
