import { and, eq, sql } from "drizzle-orm";
import { refuse } from "~/lib/refusal";
import { db, type Transaction } from "#db/client.server";
import { commentVersions, comments, topicReads, topics } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import { topicVisibleTo, type Failure } from "~/topics/topics.server";
import { isTopicSlug } from "~/topics/slug.server";
import { can, type Actor } from "~/policy.server";
import * as notifyEvents from "~/notifications/events.server";
import { renderedColumns } from "~/server/markdown/stored.server";

type Done = { ok: true; commentId: number };

const fail = (status: Failure["status"], message: string): Failure => refuse(status, message);
const NO_TOPIC = fail(404, "Dieses Thema gibt es nicht.");
const NO_COMMENT = fail(404, "Diesen Beitrag gibt es nicht.");
const CLOSED = fail(409, "Dieses Thema ist geschlossen; neue Beiträge und Änderungen sind nicht mehr möglich.");

async function lockTopic(tx: Transaction, actor: Actor, slug: string) {
  if (!isTopicSlug(slug)) return null;
  const [topic] = await tx
    .select({ id: topics.id, status: topics.status })
    .from(topics)
    .where(and(eq(topics.slug, slug), topicVisibleTo(actor)))
    .for("update");
  return topic ?? null;
}

async function markRead(tx: Transaction, userId: number, topicId: number) {
  await tx
    .insert(topicReads)
    .values({ userId, topicId, readAt: sql`now()` })
    .onConflictDoUpdate({ target: [topicReads.userId, topicReads.topicId], set: { readAt: sql`now()` } });
}

/** A new comment or a reply to a top-level comment, in an open topic the author may see. */
export async function createComment({ author, slug, body, parentId }: { author: Actor; slug: string; body: string; parentId?: number }) {
  if (!can(author, "create:comment")) return fail(403, "Sie dürfen hier keine Beiträge schreiben.");
  return db.transaction(async (tx): Promise<Failure | Done> => {
    const topic = await lockTopic(tx, author, slug);
    if (!topic) return NO_TOPIC;
    if (topic.status !== "open") return CLOSED;
    if (parentId !== undefined) {
      const [parent] = await tx
        .select()
        .from(comments)
        .where(and(eq(comments.id, parentId), eq(comments.topicId, topic.id)));
      if (!parent) return fail(422, "Der Beitrag, auf den Sie antworten möchten, gibt es nicht.");
      if (parent.parentId !== null) return fail(422, "Auf Antworten kann nicht geantwortet werden. Bitte antworten Sie auf den ursprünglichen Beitrag.");
      if (parent.deletedAt || parent.hiddenAt) return fail(409, "Auf gelöschte oder ausgeblendete Beiträge kann nicht geantwortet werden.");
    }
    const [row] = await tx
      .insert(comments)
      .values({
        topicId: topic.id,
        parentId: parentId ?? null,
        authorId: author.id,
        body,
        ...renderedColumns("portal", { bodyHtml: body }),
        createdAt: sql`now()`,
      })
      .returning({ id: comments.id });
    await tx.insert(commentVersions).values({ commentId: row.id, version: 1, body, createdAt: sql`now()` });
    await tx
      .update(topics)
      .set({ lastActivityAt: sql`now()` })
      .where(eq(topics.id, topic.id));
    await markRead(tx, author.id, topic.id);
    await recordAudit(tx, {
      actorId: author.id,
      action: "comment.created",
      objectType: "comment",
      objectId: row.id,
      details: { topicId: topic.id, parentId: parentId ?? null },
    });
    await notifyEvents.commentCreated(tx, { commentId: row.id, topicId: topic.id, authorId: author.id, parentId });
    return { ok: true, commentId: row.id };
  });
}

/** Locks the topic and then the comment, which must belong to it. */
async function lockComment(tx: Transaction, actor: Actor, slug: string, commentId: number) {
  const topic = await lockTopic(tx, actor, slug);
  if (!topic) return NO_TOPIC;
  const [comment] = await tx
    .select()
    .from(comments)
    .where(and(eq(comments.id, commentId), eq(comments.topicId, topic.id)))
    .for("update");
  if (!comment) return NO_COMMENT;
  return { ok: true as const, comment, topic };
}

async function lockOwnComment(tx: Transaction, actor: Actor, slug: string, commentId: number) {
  const locked = await lockComment(tx, actor, slug, commentId);
  if (!locked.ok) return locked;
  const { comment, topic } = locked;
  if (comment.authorId !== actor.id || !can(actor, "update:comment:own")) return fail(403, "Sie können nur eigene Beiträge bearbeiten oder löschen.");
  if (comment.deletedAt) return fail(409, "Dieser Beitrag wurde gelöscht.");
  if (comment.hiddenAt) return fail(409, "Dieser Beitrag wurde von der Moderation ausgeblendet und kann nicht mehr geändert werden.");
  if (topic.status !== "open") return CLOSED;
  return { ok: true as const, comment, topic };
}

/** Keeps the earlier text as a version; an unchanged text changes nothing. */
export async function editComment({ actor, slug, commentId, body }: { actor: Actor; slug: string; commentId: number; body: string }) {
  return db.transaction(async (tx): Promise<Failure | Done> => {
    const locked = await lockOwnComment(tx, actor, slug, commentId);
    if (!locked.ok) return locked;
    if (locked.comment.body === body) return { ok: true, commentId };
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${commentVersions.version}), 0)::int + 1` })
      .from(commentVersions)
      .where(eq(commentVersions.commentId, commentId));
    await tx.insert(commentVersions).values({ commentId, version: next, body, createdAt: sql`now()` });
    await tx
      .update(comments)
      .set({ body, ...renderedColumns("portal", { bodyHtml: body }), editedAt: sql`now()` })
      .where(eq(comments.id, commentId));
    await recordAudit(tx, { actorId: actor.id, action: "comment.edited", objectType: "comment", objectId: commentId, details: { version: next } });
    return { ok: true, commentId };
  });
}

/** Soft delete: the place stays ("Beitrag gelöscht") so replies keep their context. */
export async function deleteComment({ actor, slug, commentId }: { actor: Actor; slug: string; commentId: number }) {
  return db.transaction(async (tx): Promise<Failure | Done> => {
    const locked = await lockOwnComment(tx, actor, slug, commentId);
    if (!locked.ok) return locked;
    await tx
      .update(comments)
      .set({ deletedAt: sql`now()` })
      .where(eq(comments.id, commentId));
    await recordAudit(tx, { actorId: actor.id, action: "comment.deleted", objectType: "comment", objectId: commentId, details: { topicId: locked.topic.id } });
    return { ok: true, commentId };
  });
}

/** Moderation by staff and admin: hide with a reason, or show again; both audited. */
export async function setCommentHidden({ actor, slug, commentId, reason }: { actor: Actor; slug: string; commentId: number; reason: string | null }) {
  if (!can(actor, "moderate:comment")) return fail(403, "Nur die Moderation darf Beiträge ausblenden.");
  return db.transaction(async (tx): Promise<Failure | Done> => {
    const locked = await lockComment(tx, actor, slug, commentId);
    if (!locked.ok) return locked;
    const { comment, topic } = locked;
    if (comment.deletedAt) return fail(409, "Dieser Beitrag wurde gelöscht.");
    if (reason !== null && comment.hiddenAt) return fail(409, "Dieser Beitrag ist bereits ausgeblendet.");
    if (reason === null && !comment.hiddenAt) return fail(409, "Dieser Beitrag ist nicht ausgeblendet.");
    const hidden = reason !== null;
    await tx
      .update(comments)
      .set({ hiddenAt: hidden ? sql`now()` : null, hiddenById: hidden ? actor.id : null, hiddenReason: reason })
      .where(eq(comments.id, commentId));
    await recordAudit(tx, {
      actorId: actor.id,
      action: hidden ? "comment.hidden" : "comment.unhidden",
      objectType: "comment",
      objectId: commentId,
      details: hidden ? { reason, topicId: topic.id } : { topicId: topic.id, previousReason: comment.hiddenReason },
    });
    return { ok: true, commentId };
  });
}
