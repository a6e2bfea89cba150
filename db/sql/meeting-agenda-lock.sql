-- Once a meeting is held (state 'durchgefuehrt'), its agenda is fixed: items can no longer be
-- added, removed, renumbered or rewritten; only their minutes and results may change.
CREATE OR REPLACE FUNCTION agenda_items_refuse_change_when_held() RETURNS trigger AS $$
DECLARE
  held boolean;
BEGIN
  SELECT state = 'durchgefuehrt' INTO held FROM meetings
    WHERE id = (CASE WHEN TG_OP = 'INSERT' THEN NEW.meeting_id ELSE OLD.meeting_id END);
  IF NOT coalesce(held, false) THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'UPDATE'
     AND NEW.meeting_id = OLD.meeting_id AND NEW.number = OLD.number AND NEW.position = OLD.position
     AND NEW.name = OLD.name AND NEW.description = OLD.description AND NEW.is_public = OLD.is_public
     AND NEW.topic_id IS NOT DISTINCT FROM OLD.topic_id
     AND NEW.rating_round_id IS NOT DISTINCT FROM OLD.rating_round_id
     AND NEW.paper_id IS NOT DISTINCT FROM OLD.paper_id THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'agenda of a held meeting is locked' USING ERRCODE = 'check_violation', CONSTRAINT = 'agenda_items_locked_when_held';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER agenda_items_locked_when_held
  BEFORE INSERT OR UPDATE OR DELETE ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION agenda_items_refuse_change_when_held();
