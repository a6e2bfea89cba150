-- The audit log stays append-only, with one exception: the retention job
-- (app/server/retention/purge.server.ts, docs/decisions/095) may delete entries older than the
-- retention period it names in the transaction-local setting portal.audit_retention_months.
-- Newer entries, every UPDATE, and any DELETE without the setting are still refused.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
DECLARE
  kept_months integer := nullif(current_setting('portal.audit_retention_months', true), '')::integer;
BEGIN
  IF TG_OP = 'DELETE' AND kept_months IS NOT NULL AND kept_months >= 1
     AND OLD.at < now() - make_interval(months => kept_months) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
