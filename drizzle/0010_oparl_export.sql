-- OParl export (docs/decisions/081): objects that leave the public set keep a tombstone, and a
-- change to an embedded child moves its parent's `modified` (updated_at), as OParl 1.1 asks.
CREATE OR REPLACE FUNCTION oparl_bury(kind text, key text, created timestamptz) RETURNS void AS $$
  INSERT INTO oparl_tombstones (object_type, object_key, object_created_at, deleted_at)
  VALUES (kind, key, created, now())
  ON CONFLICT (object_type, object_key) DO UPDATE SET deleted_at = now();
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_unbury(kind text, key text) RETURNS void AS $$
  DELETE FROM oparl_tombstones WHERE object_type = kind AND object_key = key;
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_papers_track() RETURNS trigger AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.is_public AND OLD.oparl_source_deleted_at IS NULL;
  now_visible boolean := TG_OP <> 'DELETE' AND NEW.is_public AND NEW.oparl_source_deleted_at IS NULL;
BEGIN
  IF was AND NOT now_visible THEN
    PERFORM oparl_bury('paper', OLD.id::text, OLD.created_at);
    PERFORM oparl_bury('consultation', c.id::text, c.created_at) FROM consultations c WHERE c.paper_id = OLD.id AND c.is_public;
  ELSIF now_visible AND NOT was THEN
    PERFORM oparl_unbury('paper', NEW.id::text);
    DELETE FROM oparl_tombstones t USING consultations c
      WHERE c.paper_id = NEW.id AND c.is_public AND t.object_type = 'consultation' AND t.object_key = c.id::text;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_papers_track AFTER INSERT OR UPDATE OR DELETE ON papers
  FOR EACH ROW EXECUTE FUNCTION oparl_papers_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_consultations_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.is_public AND (TG_OP = 'DELETE' OR NOT NEW.is_public) THEN
    PERFORM oparl_bury('consultation', OLD.id::text, OLD.created_at);
  ELSIF TG_OP = 'UPDATE' AND NEW.is_public AND NOT OLD.is_public THEN
    PERFORM oparl_unbury('consultation', NEW.id::text);
  END IF;
  UPDATE papers SET updated_at = now()
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.paper_id ELSE NEW.paper_id END) AND updated_at < now();
  IF TG_OP = 'UPDATE' AND NEW.paper_id <> OLD.paper_id THEN
    UPDATE papers SET updated_at = now() WHERE id = OLD.paper_id AND updated_at < now();
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_consultations_track AFTER INSERT OR UPDATE OR DELETE ON consultations
  FOR EACH ROW EXECUTE FUNCTION oparl_consultations_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_paper_relations_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE papers SET updated_at = now() WHERE id IN (OLD.paper_id, OLD.related_paper_id) AND updated_at < now();
  ELSE
    UPDATE papers SET updated_at = now() WHERE id IN (NEW.paper_id, NEW.related_paper_id) AND updated_at < now();
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_paper_relations_track AFTER INSERT OR DELETE ON paper_relations
  FOR EACH ROW EXECUTE FUNCTION oparl_paper_relations_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_meetings_track() RETURNS trigger AS $$
BEGIN
  PERFORM oparl_bury('meeting', OLD.id::text, OLD.created_at);
  PERFORM oparl_bury('location', OLD.id::text, OLD.created_at);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_meetings_track AFTER DELETE ON meetings
  FOR EACH ROW EXECUTE FUNCTION oparl_meetings_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_agenda_items_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.is_public AND (TG_OP = 'DELETE' OR NOT NEW.is_public) THEN
    PERFORM oparl_bury('agendaItem', OLD.id::text, OLD.created_at);
  ELSIF TG_OP = 'UPDATE' AND NEW.is_public AND NOT OLD.is_public THEN
    PERFORM oparl_unbury('agendaItem', NEW.id::text);
  END IF;
  UPDATE meetings SET updated_at = now()
    WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END) AND updated_at < now();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_agenda_items_track AFTER INSERT OR UPDATE OR DELETE ON agenda_items
  FOR EACH ROW EXECUTE FUNCTION oparl_agenda_items_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_organizations_track() RETURNS trigger AS $$
BEGIN
  PERFORM oparl_bury('organization', OLD.id::text, OLD.created_at);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_organizations_track AFTER DELETE ON organizations
  FOR EACH ROW EXECUTE FUNCTION oparl_organizations_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_users_modified() RETURNS trigger AS $$
BEGIN
  IF (NEW.name, NEW.role, NEW.oparl_consent_at, NEW.deleted_at, NEW.disabled_at)
     IS DISTINCT FROM (OLD.name, OLD.role, OLD.oparl_consent_at, OLD.deleted_at, OLD.disabled_at) THEN
    NEW.oparl_modified_at := now();
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_users_modified BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION oparl_users_modified();
--> statement-breakpoint
-- A board member is an OParl Person (and Membership of the board) only with consent.
CREATE OR REPLACE FUNCTION oparl_users_track() RETURNS trigger AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.role = 'expert' AND OLD.oparl_consent_at IS NOT NULL AND OLD.deleted_at IS NULL AND OLD.disabled_at IS NULL;
  now_visible boolean := TG_OP <> 'DELETE' AND NEW.role = 'expert' AND NEW.oparl_consent_at IS NOT NULL AND NEW.deleted_at IS NULL AND NEW.disabled_at IS NULL;
BEGIN
  IF was AND NOT now_visible THEN
    PERFORM oparl_bury('person', OLD.id::text, OLD.created_at);
    PERFORM oparl_bury('membership', OLD.id::text, OLD.created_at);
  ELSIF now_visible AND NOT was THEN
    PERFORM oparl_unbury('person', NEW.id::text);
    PERFORM oparl_unbury('membership', NEW.id::text);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_users_track AFTER INSERT OR UPDATE OR DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION oparl_users_track();
--> statement-breakpoint
-- A published public recommendation is the Paper "em-<id>"; the council papers it answers list
-- it as relatedPaper, so their `modified` moves when it appears or goes.
CREATE OR REPLACE FUNCTION oparl_recommendations_track() RETURNS trigger AS $$
DECLARE
  was boolean := TG_OP <> 'INSERT' AND OLD.status = 'published' AND OLD.is_public;
  now_visible boolean := TG_OP <> 'DELETE' AND NEW.status = 'published' AND NEW.is_public;
  rec_id integer := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
BEGIN
  IF was AND NOT now_visible THEN
    PERFORM oparl_bury('paper', 'em-' || OLD.id, coalesce(OLD.published_at, OLD.created_at));
  ELSIF now_visible AND NOT was THEN
    PERFORM oparl_unbury('paper', 'em-' || NEW.id);
  END IF;
  IF was IS DISTINCT FROM now_visible THEN
    UPDATE papers SET updated_at = now()
      WHERE id IN (SELECT paper_id FROM recommendation_papers WHERE recommendation_id = rec_id) AND updated_at < now();
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_recommendations_track AFTER INSERT OR UPDATE OR DELETE ON recommendations
  FOR EACH ROW EXECUTE FUNCTION oparl_recommendations_track();
