import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { topicFields, topics } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import { displayName } from "~/accounts/users.server";
import { storedCommentHtml } from "~/topics/comments.server";
import { uniqueTopicSlug } from "~/topics/slug.server";
import { topicVisibleTo } from "~/topics/topics.server";
import { type Reader } from "~/policy.server";
import { renderedColumns } from "~/server/markdown/stored.server";

/** Where a discussion lands when nothing linked names a field of action, in this order. */
const FALLBACK_FIELDS = ["KI", "Sonstiges"];

/** The field of the linked topic, else "KI" or "Sonstiges" by name; "Sonstiges" is created if no field exists. */
async function fieldForDiscussion(tx: Executor, linkedTopicId: number | null, actorId: number) {
  if (linkedTopicId !== null) {
    const [linked] = await tx.select({ fieldId: topics.fieldId }).from(topics).where(eq(topics.id, linkedTopicId));
    if (linked) return linked.fieldId;
  }
  const named = await tx
    .select({ id: topicFields.id, name: topicFields.name })
    .from(topicFields)
    .where(
      inArray(
        sql`lower(${topicFields.name})`,
        FALLBACK_FIELDS.map((name) => name.toLowerCase()),
      ),
    )
    .orderBy(asc(topicFields.position));
  const preferred = FALLBACK_FIELDS.map((name) => named.find((f) => f.name.toLowerCase() === name.toLowerCase())).find(Boolean);
  if (preferred) return preferred.id;
  const [created] = await tx.insert(topicFields).values({ name: "Sonstiges", position: 1000 }).returning({ id: topicFields.id });
  await recordAudit(tx, { actorId, action: "topic_field.created", objectType: "topic_field", objectId: created.id, details: { name: "Sonstiges" } });
  return created.id;
}

type DiscussionArgs = {
  title: string;
  body: string;
  linkedTopicId: number | null;
  authorId: number;
  /** What the discussion belongs to, for the audit row. */
  owner: Record<string, number>;
  /** Demo data only: the historical creation time. */
  at?: Date;
};

/**
 * Opens the board-internal topic an object (a proposal, a recommendation) is discussed in; the
 * caller links it in the same transaction. Decisions 031 and 043.
 */
export async function createDiscussionTopic(tx: Executor, { title, body, linkedTopicId, authorId, owner, at }: DiscussionArgs) {
  const slug = await uniqueTopicSlug(tx, title);
  const fieldId = await fieldForDiscussion(tx, linkedTopicId, authorId);
  const when = at ?? sql`now()`;
  const [row] = await tx
    .insert(topics)
    .values({
      slug,
      title: title.slice(0, 200),
      body,
      ...renderedColumns("portal", { bodyHtml: body }),
      fieldId,
      authorId,
      visibility: "internal",
      createdAt: when,
      updatedAt: when,
      lastActivityAt: when,
    })
    .returning({ id: topics.id });
  await recordAudit(tx, {
    actorId: authorId,
    action: "topic.created",
    objectType: "topic",
    objectId: row.id,
    details: { slug, visibility: "internal", ...owner },
  });
  return row.id;
}

export async function renameDiscussionTopic(tx: Executor, { topicId, title }: { topicId: number; title: string }) {
  await tx
    .update(topics)
    .set({ title: title.slice(0, 200), updatedAt: new Date() })
    .where(eq(topics.id, topicId));
}

/** Closing a discussion stops new comments and edits (the topic rules). */
export async function closeDiscussionTopic(tx: Executor, { topicId }: { topicId: number }) {
  await tx.update(topics).set({ status: "closed", updatedAt: new Date() }).where(eq(topics.id, topicId));
}

type PreviewCommentRow = {
  id: number;
  body: string;
  bodyHtml: string | null;
  htmlStamp: string | null;
  createdAt: string;
  recommendationVersion: number | null;
  authorName: string | null;
  authorDeletedAt: string | null;
};

/** The discussion topic (if the reader may see it) with its newest visible comments, oldest first, in one statement. */
export async function getDiscussionPreview({ reader, topicId, shown }: { reader: Reader; topicId: number | null; shown: number }) {
  if (topicId === null) return null;
  const [row] = await db
    .select({
      slug: topics.slug,
      title: topics.title,
      status: topics.status,
      commentCount: sql<number>`(select count(*)::int from comments c where c.topic_id = ${topicId} and c.deleted_at is null and c.hidden_at is null)`,
      comments: sql<PreviewCommentRow[]>`coalesce((
        select json_agg(n order by n."createdAt", n.id) from (
          select c.id, c.body, c.body_html as "bodyHtml", c.html_stamp as "htmlStamp", c.created_at as "createdAt",
            c.recommendation_version as "recommendationVersion", u.name as "authorName", u.deleted_at as "authorDeletedAt"
          from comments c join users u on u.id = c.author_id
          where c.topic_id = ${topicId} and c.deleted_at is null and c.hidden_at is null
          order by c.created_at desc, c.id desc
          limit ${shown}
        ) n
      ), '[]'::json)`,
    })
    .from(topics)
    .where(and(eq(topics.id, topicId), topicVisibleTo(reader)));
  if (!row) return null;
  return {
    slug: row.slug,
    title: row.title,
    status: row.status,
    commentCount: row.commentCount,
    comments: row.comments.map((comment) => ({
      id: comment.id,
      html: storedCommentHtml(comment),
      createdAt: new Date(comment.createdAt).toISOString(),
      versionNumber: comment.recommendationVersion,
      authorName: displayName({ name: comment.authorName, deletedAt: comment.authorDeletedAt }),
    })),
  };
}

export type DiscussionPreview = NonNullable<Awaited<ReturnType<typeof getDiscussionPreview>>>;
