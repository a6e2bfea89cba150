-- A commitment's history is a record: entries are never changed (deleting the commitment removes them).
-- Only the author link may fall away (ON DELETE SET NULL of an account).
CREATE OR REPLACE FUNCTION commitment_entries_refuse_update() RETURNS trigger AS $$
BEGIN
  IF (NEW.id, NEW.commitment_id, NEW.kind, NEW.from_status, NEW.to_status, NEW.note, NEW.source, NEW.created_at)
     IS DISTINCT FROM (OLD.id, OLD.commitment_id, OLD.kind, OLD.from_status, OLD.to_status, OLD.note, OLD.source, OLD.created_at)
     OR NEW.author_id IS NOT NULL AND NEW.author_id IS DISTINCT FROM OLD.author_id THEN
    RAISE EXCEPTION 'commitment_entries are append-only';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER commitment_entries_append_only
  BEFORE UPDATE ON commitment_entries
  FOR EACH ROW EXECUTE FUNCTION commitment_entries_refuse_update();
