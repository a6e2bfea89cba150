-- OParl File (docs/decisions/092, 081): a public file that is deleted keeps a tombstone, and a
-- change of a file (new, new version, deleted, text read) moves the `modified` of the paper or
-- meeting that embeds it. Agenda items are embedded in their meeting, so their files move the
-- meeting. Recommendations are left alone (their rows are frozen by triggers).
CREATE OR REPLACE FUNCTION oparl_file_public(doc documents) RETURNS boolean AS $$
  SELECT EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = doc.id) AND CASE doc.owner_type
    WHEN 'paper' THEN EXISTS (SELECT 1 FROM papers p WHERE p.id = doc.paper_id AND p.is_public AND p.oparl_source_deleted_at IS NULL)
    WHEN 'meeting' THEN true
    WHEN 'agendaItem' THEN EXISTS (SELECT 1 FROM agenda_items a WHERE a.id = doc.agenda_item_id AND a.is_public)
    WHEN 'recommendation' THEN EXISTS (SELECT 1 FROM recommendations r WHERE r.id = doc.recommendation_id AND r.status = 'published' AND r.is_public)
    ELSE false END;
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_file_touch_owner(doc documents) RETURNS void AS $$
  UPDATE papers SET updated_at = now() WHERE id = doc.paper_id AND updated_at < now();
  UPDATE meetings SET updated_at = now()
    WHERE id = coalesce(doc.meeting_id, (SELECT a.meeting_id FROM agenda_items a WHERE a.id = doc.agenda_item_id)) AND updated_at < now();
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_documents_track() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM oparl_file_touch_owner(OLD);
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL AND oparl_file_public(OLD) THEN
      PERFORM oparl_bury('file', OLD.id::text, OLD.created_at);
    ELSIF NEW.deleted_at IS NULL AND OLD.deleted_at IS NOT NULL THEN
      PERFORM oparl_unbury('file', NEW.id::text);
    END IF;
    IF (OLD.paper_id, OLD.meeting_id, OLD.agenda_item_id) IS DISTINCT FROM (NEW.paper_id, NEW.meeting_id, NEW.agenda_item_id) THEN
      PERFORM oparl_file_touch_owner(OLD);
    END IF;
  END IF;
  PERFORM oparl_file_touch_owner(NEW);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_documents_track AFTER INSERT OR UPDATE OR DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION oparl_documents_track();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION oparl_document_versions_track() RETURNS trigger AS $$
BEGIN
  UPDATE documents SET updated_at = now() WHERE id = NEW.document_id AND updated_at < now();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER oparl_document_versions_track AFTER INSERT OR UPDATE OF text ON document_versions
  FOR EACH ROW EXECUTE FUNCTION oparl_document_versions_track();
