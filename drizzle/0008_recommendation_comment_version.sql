-- A comment in a recommendation's discussion records the draft version it was written on,
-- whichever path wrote it (the recommendation page or the topic page).
CREATE OR REPLACE FUNCTION comments_set_recommendation_version() RETURNS trigger AS $$
BEGIN
  IF NEW.recommendation_version IS NULL THEN
    SELECT r.latest_version INTO NEW.recommendation_version FROM recommendations r WHERE r.discussion_topic_id = NEW.topic_id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER comments_recommendation_version
  BEFORE INSERT ON comments
  FOR EACH ROW EXECUTE FUNCTION comments_set_recommendation_version();
