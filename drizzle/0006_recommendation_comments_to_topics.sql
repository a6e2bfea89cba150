-- Decision 043: a recommendation is discussed in a board-internal topic of its own, like a
-- proposal (decision 031), so its comments get replies, edits with history, moderation and
-- search from the one comment system. This moves every existing draft comment there.
INSERT INTO topic_fields (name, position)
SELECT 'Sonstiges', 1000
WHERE EXISTS (SELECT 1 FROM recommendations) AND NOT EXISTS (SELECT 1 FROM topic_fields);
--> statement-breakpoint
INSERT INTO topics (slug, title, body, field_id, author_id, status, visibility, created_at, updated_at, last_activity_at)
SELECT
  CASE WHEN EXISTS (SELECT 1 FROM topics t WHERE t.slug = 'empfehlung-' || r.id || '-diskussion')
    THEN 'empfehlung-' || r.id || '-diskussion-' || extract(epoch FROM r.created_at)::bigint
    ELSE 'empfehlung-' || r.id || '-diskussion' END,
  left('Empfehlung „' || r.title || '“: Diskussion', 200),
  'Diskussion des Beirats zum Entwurf der Empfehlung **' || replace(r.title, '*', '\*') || '**.',
  (SELECT f.id FROM topic_fields f ORDER BY (lower(f.name) = 'sonstiges') DESC, f.position, f.id LIMIT 1),
  coalesce(r.created_by_id, (SELECT min(u.id) FROM users u)),
  CASE WHEN r.status IN ('draft', 'voting') THEN 'open' ELSE 'closed' END,
  'internal',
  r.created_at,
  r.created_at,
  coalesce((SELECT max(c.created_at) FROM recommendation_comments c WHERE c.recommendation_id = r.id), r.created_at)
FROM recommendations r
WHERE r.discussion_topic_id IS NULL
ORDER BY r.id;
--> statement-breakpoint
UPDATE recommendations r
SET discussion_topic_id = t.id
FROM topics t
WHERE r.discussion_topic_id IS NULL
  AND t.slug IN ('empfehlung-' || r.id || '-diskussion', 'empfehlung-' || r.id || '-diskussion-' || extract(epoch FROM r.created_at)::bigint);
--> statement-breakpoint
INSERT INTO comments (topic_id, author_id, body, created_at, recommendation_version)
SELECT r.discussion_topic_id, coalesce(c.author_id, r.created_by_id, (SELECT min(u.id) FROM users u)), c.body, c.created_at, c.version_number
FROM recommendation_comments c
JOIN recommendations r ON r.id = c.recommendation_id
ORDER BY c.created_at, c.id;
--> statement-breakpoint
INSERT INTO comment_versions (comment_id, version, body, created_at)
SELECT c.id, 1, c.body, c.created_at
FROM comments c
WHERE c.recommendation_version IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM comment_versions v WHERE v.comment_id = c.id);
