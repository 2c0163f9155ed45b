-- Every change of a rule, by any instance or by hand, notifies the channel alerts_rule when it commits: each
-- instance keeps the enabled rules in memory (EnabledRules) and reads them again.
create function alerts.rule_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('alerts_rule', '');
    return null;
end
$$;

create trigger rule_changed after insert or update or delete or truncate on alerts.rule
    for each statement execute function alerts.rule_changed();
