import { refuse } from "~/lib/refusal";
import { eq } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { recommendations, topics } from "#db/schema";
import { t } from "~/i18n/de";
import { createComment } from "~/topics/comment-write.server";
import { closeDiscussionTopic, createDiscussionTopic, getDiscussionPreview, renameDiscussionTopic } from "~/topics/discussions.server";

import { isAllowed } from "~/recommendations/rules.server";
import { can, type Actor } from "~/policy.server";

const m = t.recommendations.errors;

/** How many of the newest comments the recommendation page shows; the topic page has the rest. */
export const RECOMMENDATION_COMMENTS_SHOWN = 20;

export function discussionTitle(title: string) {
  return `Empfehlung „${title}“: Diskussion`.slice(0, 200);
}

/** The board-internal topic a new draft is discussed in (decision 043), in the draft's transaction. */
export async function createRecommendationDiscussion(
  tx: Executor,
  {
    recommendationId,
    title,
    linkedTopicId,
    authorId,
    at,
  }: { recommendationId: number; title: string; linkedTopicId: number | null; authorId: number; at?: Date },
) {
  const topicId = await createDiscussionTopic(tx, {
    title: discussionTitle(title),
    body: `Diskussion des Beirats zum Entwurf der Empfehlung **${title.replace(/[*_`[\]\\]/g, "\\$&")}**.`,
    linkedTopicId,
    authorId,
    owner: { recommendationId },
    at,
  });
  await tx.update(recommendations).set({ discussionTopicId: topicId }).where(eq(recommendations.id, recommendationId));
  return topicId;
}

export async function renameRecommendationDiscussion(tx: Executor, { topicId, title }: { topicId: number | null; title: string }) {
  if (topicId !== null) await renameDiscussionTopic(tx, { topicId, title: discussionTitle(title) });
}

/** Once the vote is closed the draft's discussion is closed too (comments only in draft and vote). */
export async function closeRecommendationDiscussion(tx: Executor, { topicId }: { topicId: number | null }) {
  if (topicId !== null) await closeDiscussionTopic(tx, { topicId });
}

/** A comment through the one comment system; the version it was written on is set by the database. */
export async function addComment({ actor, id, body }: { actor: Actor; id: number; body: string }) {
  if (!can(actor, "create:comment") || !can(actor, "read:recommendation:draft")) return refuse(403, { form: t.common.errors.forbidden });
  const [rec] = await db
    .select({ status: recommendations.status, slug: topics.slug })
    .from(recommendations)
    .leftJoin(topics, eq(topics.id, recommendations.discussionTopicId))
    .where(eq(recommendations.id, id));
  if (!rec) return refuse(404, { form: t.common.errors.notFound });
  if (!isAllowed(rec.status, "comment") || !rec.slug) return refuse(409, { comment: m.commentsClosed });
  const created = await createComment({ author: actor, slug: rec.slug, body });
  if (!created.ok) return refuse(created.status, { comment: created.status === 409 ? m.commentsClosed : created.errors.form });
  return { ok: true as const, commentId: created.commentId };
}

/** Board only (the route loads it for board members): the newest comments of the draft's discussion. */
export function getRecommendationDiscussion({ reader, topicId }: { reader: Actor; topicId: number | null }) {
  return getDiscussionPreview({ reader, topicId, shown: RECOMMENDATION_COMMENTS_SHOWN });
}

/** The recommendation a discussion topic belongs to, for the link back from the topic page. */
export async function getRecommendationForTopic({ reader, topicId }: { reader: Actor | null; topicId: number }) {
  if (!can(reader, "read:recommendation:draft")) return null;
  const [row] = await db
    .select({ id: recommendations.id, title: recommendations.title })
    .from(recommendations)
    .where(eq(recommendations.discussionTopicId, topicId));
  return row ?? null;
}
