-- Following generalised from topics to recommendations, papers, meetings and rating rounds:
-- the existing topic follows move into the new table. topic_follows stays (unused) for one release.
INSERT INTO "follows" ("user_id", "object_type", "object_id", "created_at")
SELECT "user_id", 'topic', "topic_id", "created_at" FROM "topic_follows"
ON CONFLICT DO NOTHING;
