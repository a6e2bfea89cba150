import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { db } from "#db/client.server";
import { comments, ratingProposals, ratingRounds, topics, users, type Role } from "#db/schema";
import { renderCommentMarkdown } from "~/topics/comments.server";
import { topicVisibleTo } from "~/topics/topics.server";
import { displayName } from "~/accounts/users.server";
import { can } from "~/policy.server";

type Reader = { id: number; role: Role } | null;

/** How many of the newest comments the proposal page shows; the topic page has the rest. */
export const PROPOSAL_COMMENTS_SHOWN = 5;

const visibleComment = and(isNull(comments.deletedAt), isNull(comments.hiddenAt));

/** The proposal's topic (if the reader may see it) with its newest visible comments, oldest first. */
export async function getProposalDiscussion({ reader, topicId }: { reader: Reader; topicId: number | null }) {
  if (topicId === null) return null;
  const [topic] = await db
    .select({ slug: topics.slug, title: topics.title, status: topics.status })
    .from(topics)
    .where(and(eq(topics.id, topicId), topicVisibleTo(reader)));
  if (!topic) return null;
  const ofTopic = and(eq(comments.topicId, topicId), visibleComment);
  const [rows, commentCount] = await Promise.all([
    db
      .select({ id: comments.id, body: comments.body, createdAt: comments.createdAt, authorName: users.name, authorDeletedAt: users.deletedAt })
      .from(comments)
      .innerJoin(users, eq(users.id, comments.authorId))
      .where(ofTopic)
      .orderBy(desc(comments.createdAt), desc(comments.id))
      .limit(PROPOSAL_COMMENTS_SHOWN),
    db.$count(comments, ofTopic),
  ]);
  return {
    ...topic,
    commentCount,
    comments: rows.reverse().map((row) => ({
      id: row.id,
      html: renderCommentMarkdown(row.body),
      createdAt: row.createdAt.toISOString(),
      authorName: displayName({ name: row.authorName, deletedAt: row.authorDeletedAt }),
    })),
  };
}

/** The proposal a discussion topic belongs to, for the link back; only for readers who may open it. */
export async function getProposalForTopic({ reader, topicId }: { reader: Reader; topicId: number }) {
  if (!can(reader, "read:round")) return null;
  const [row] = await db
    .select({ roundId: ratingProposals.roundId, proposalId: ratingProposals.id, title: ratingProposals.title, roundTitle: ratingRounds.title })
    .from(ratingProposals)
    .innerJoin(ratingRounds, eq(ratingRounds.id, ratingProposals.roundId))
    .where(and(eq(ratingProposals.discussionTopicId, topicId), can(reader, "manage:round") ? undefined : ne(ratingRounds.status, "draft")));
  return row ?? null;
}
