CREATE OR REPLACE FUNCTION recommendation_versions_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'recommendation_versions are insert-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER recommendation_versions_insert_only
  BEFORE UPDATE ON recommendation_versions
  FOR EACH ROW EXECUTE FUNCTION recommendation_versions_refuse_update();
--> statement-breakpoint
-- A text in vote is frozen; a published text changes only together with a new published version (a correction).
CREATE OR REPLACE FUNCTION recommendations_refuse_frozen_text() RETURNS trigger AS $$
BEGIN
  IF (NEW.title, NEW.summary, NEW.body) IS DISTINCT FROM (OLD.title, OLD.summary, OLD.body) THEN
    IF OLD.status IN ('voting', 'adopted', 'rejected') THEN
      RAISE EXCEPTION 'recommendation % is frozen', OLD.id;
    END IF;
    IF OLD.status = 'published' AND NEW.published_version IS NOT DISTINCT FROM OLD.published_version THEN
      RAISE EXCEPTION 'published recommendation % changes only by correction', OLD.id;
    END IF;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER recommendations_frozen_text
  BEFORE UPDATE ON recommendations
  FOR EACH ROW EXECUTE FUNCTION recommendations_refuse_frozen_text();
