import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "#db/client.server";
import { commentVersions, comments, topics, users } from "#db/schema";
import { renderInMode, shownHtml } from "~/server/markdown/stored.server";
import { displayName } from "~/accounts/users.server";
import { topicVisibleTo } from "~/topics/topics.server";
import { isTopicSlug } from "~/topics/slug.server";
import { can, type Reader } from "~/policy.server";

/** Top-level comments per page; replies stay on their parent's page. */
export const COMMENTS_PAGE_SIZE = 50;

export function renderCommentMarkdown(source: string) {
  return renderInMode("portal", source);
}

/** A stored comment's or topic's HTML, or rendered now when it is missing or stale. */
export function storedCommentHtml(row: { body: string; bodyHtml: string | null; htmlStamp: string | null }) {
  return shownHtml("portal", row.body, row.bodyHtml, row.htmlStamp);
}

const moderators = alias(users, "moderators");

const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorId: comments.authorId,
  body: comments.body,
  bodyHtml: comments.bodyHtml,
  htmlStamp: comments.htmlStamp,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  deletedAt: comments.deletedAt,
  hiddenAt: comments.hiddenAt,
  hiddenReason: comments.hiddenReason,
  hiddenByName: moderators.name,
  authorName: users.name,
  authorOrganisation: users.organisation,
  authorRole: users.role,
  authorDeletedAt: users.deletedAt,
};

type CommentRow = {
  id: number;
  parentId: number | null;
  authorId: number;
  body: string;
  bodyHtml: string | null;
  htmlStamp: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  hiddenByName: string | null;
  authorName: string | null;
  authorOrganisation: string | null;
  authorRole: string;
  authorDeletedAt: Date | null;
};

/** What a reader sees of one comment: deleted ones keep only their place, hidden ones their reason. */
function presentComment(row: CommentRow, reader: Reader, readAt: Date | null = null) {
  const moderator = can(reader, "moderate:comment");
  const state = row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible";
  const showBody = state === "visible" || (state === "hidden" && moderator);
  return {
    id: row.id,
    parentId: row.parentId,
    state,
    html: showBody ? storedCommentHtml(row) : null,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt && state !== "deleted" ? row.editedAt.toISOString() : null,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    hiddenByName: state === "hidden" && moderator ? row.hiddenByName : null,
    author: {
      name: displayName({ name: row.authorName, deletedAt: row.authorDeletedAt }),
      organisation: row.authorDeletedAt ? null : row.authorOrganisation,
      role: row.authorDeletedAt ? null : row.authorRole,
    },
    isOwn: reader !== null && row.authorId === reader.id,
    /** Written by someone else since the reader last marked the topic read. */
    isNew: reader !== null && row.authorId !== reader.id && (readAt === null || row.createdAt > readAt),
  } as const;
}

export type PresentedComment = ReturnType<typeof presentComment>;

function selectComments() {
  return db
    .select(commentColumns)
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .leftJoin(moderators, eq(moderators.id, comments.hiddenById))
    .$dynamic();
}

/** One page of threads, oldest first: top-level comments with their replies. */
export async function listCommentThreads({ reader, topicId, page, readAt = null }: { reader: Reader; topicId: number; page: number; readAt?: Date | null }) {
  // The topic's visibility rides along in every query, so a caller cannot skip it.
  const visibleTopic = sql`exists (select 1 from ${topics} where ${topics.id} = ${topicId} and ${topicVisibleTo(reader)})`;
  const inTopic = and(eq(comments.topicId, topicId), visibleTopic);
  const [{ count }] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(comments)
    .where(and(inTopic, isNull(comments.parentId)));
  const roots = await selectComments()
    .where(and(inTopic, isNull(comments.parentId)))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .limit(COMMENTS_PAGE_SIZE)
    .offset((page - 1) * COMMENTS_PAGE_SIZE);
  const replies = roots.length
    ? await selectComments()
        .where(
          and(
            inTopic,
            inArray(
              comments.parentId,
              roots.map((root) => root.id),
            ),
          ),
        )
        .orderBy(asc(comments.createdAt), asc(comments.id))
    : [];
  const threads = roots.map((root) => ({
    ...presentComment(root, reader, readAt),
    replies: replies.filter((reply) => reply.parentId === root.id).map((reply) => presentComment(reply, reader, readAt)),
  }));
  return { threads, threadCount: count };
}

/** The page a comment is on, if the reader may see its topic. */
export async function findCommentPage({ reader, slug, commentId }: { reader: Reader; slug: string; commentId: number }) {
  if (!isTopicSlug(slug)) return null;
  const [row] = await db
    .select({
      page: sql<number>`(1 + (select count(*) from ${comments} r
        where r.topic_id = ${comments.topicId} and r.parent_id is null
          and (r.created_at, r.id) < (select p.created_at, p.id from ${comments} p where p.id = coalesce(${comments.parentId}, ${comments.id})))
        / ${COMMENTS_PAGE_SIZE})::int`,
    })
    .from(comments)
    .innerJoin(topics, eq(topics.id, comments.topicId))
    .where(and(eq(comments.id, commentId), eq(topics.slug, slug), topicVisibleTo(reader)));
  return row?.page ?? null;
}

/** A comment with its topic, if the reader may see the topic. */
export async function getComment({ reader, slug, commentId }: { reader: Reader; slug: string; commentId: number }) {
  if (!isTopicSlug(slug)) return null;
  const [row] = await selectComments()
    .innerJoin(topics, eq(topics.id, comments.topicId))
    .where(and(eq(comments.id, commentId), eq(topics.slug, slug), topicVisibleTo(reader)));
  return row ?? null;
}

/** Every version, newest first; deleted comments have none to show, hidden ones only to moderators. */
export async function getCommentHistory({ reader, slug, commentId }: { reader: Reader; slug: string; commentId: number }) {
  const comment = await getComment({ reader, slug, commentId });
  if (!comment || comment.deletedAt || (comment.hiddenAt && !can(reader, "moderate:comment"))) return null;
  const versions = await db
    .select({ version: commentVersions.version, body: commentVersions.body, createdAt: commentVersions.createdAt })
    .from(commentVersions)
    .where(eq(commentVersions.commentId, commentId))
    .orderBy(sql`${commentVersions.version} desc`);
  return {
    comment: presentComment(comment, reader),
    versions: versions.map((v) => ({ version: v.version, html: renderCommentMarkdown(v.body), createdAt: v.createdAt.toISOString() })),
  };
}
