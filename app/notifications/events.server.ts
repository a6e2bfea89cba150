import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Executor } from "#db/client.server";
import { comments, ratingRounds, recommendationPapers, recommendations, topics, users } from "#db/schema";
import { t } from "~/i18n/de";
import { formatDateTime } from "~/lib/dates";
import { displayName } from "~/accounts/users.server";
import { followerIds, followerIdsOfAny } from "./follows.server";
import { memberIdsWithRoles, notify } from "./notify.server";

/**
 * The domains' events, each called inside the transaction that makes the change: the lines and
 * immediate mails exist exactly when the change does. Lines never carry scores, votes or names
 * of raters; only titles and links.
 */
const l = () => t.notifications.lines;

async function authorName(tx: Executor, userId: number) {
  const [row] = await tx.select({ name: users.name, deletedAt: users.deletedAt }).from(users).where(eq(users.id, userId));
  return row ? displayName(row) : "";
}

/** A new comment in a topic: its followers hear of it; the parent's author hears of a reply. */
export async function commentCreated(
  tx: Executor,
  { commentId, topicId, authorId, parentId }: { commentId: number; topicId: number; authorId: number; parentId?: number | null },
) {
  const [topic] = await tx.select({ slug: topics.slug, title: topics.title }).from(topics).where(eq(topics.id, topicId));
  if (!topic) return;
  const author = await authorName(tx, authorId);
  const path = `/themen/${topic.slug}#comment-${commentId}`;
  let parentAuthor: number | null = null;
  if (parentId) {
    const [parent] = await tx.select({ authorId: comments.authorId }).from(comments).where(eq(comments.id, parentId));
    parentAuthor = parent?.authorId ?? null;
  }
  if (parentAuthor) {
    await notify(tx, {
      kind: "comment.reply",
      object: { type: "topic", id: topicId },
      eventKey: `comment:${commentId}`,
      title: l().commentReply(author, topic.title),
      path,
      recipientIds: [parentAuthor],
      actorId: authorId,
    });
  }
  // A recommendation's (or proposal's) discussion is a topic of its own: the recommendation's followers hear of it too.
  const [discussed] = await tx.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.discussionTopicId, topicId));
  const recommendationFollowers = discussed ? await followerIds(tx, "recommendation", discussed.id) : [];
  const followers = [...new Set([...(await followerIds(tx, "topic", topicId)), ...recommendationFollowers])].filter((id) => id !== parentAuthor);
  await notify(tx, {
    kind: "comment.new",
    object: { type: "topic", id: topicId },
    eventKey: `comment:${commentId}`,
    title: l().commentNew(author, topic.title),
    path,
    recipientIds: followers,
    actorId: authorId,
  });
}

/** The board (experts, staff, admins) and the object's followers. */
async function boardAndFollowers(tx: Executor, type: "round" | "recommendation", id: number) {
  return [...(await memberIdsWithRoles(tx, ["expert", "staff", "admin"])), ...(await followerIds(tx, type, id))];
}

/** Experts who declared a conflict for every proposal of the round are not asked to rate it. */
async function ratersOf(tx: Executor, roundId: number) {
  const experts = await memberIdsWithRoles(tx, ["expert"]);
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select r.rater_id as id from rating_recusals r where r.round_id = ${roundId}
    group by r.rater_id having count(distinct r.proposal_id) >= (select count(*) from rating_proposals p where p.round_id = ${roundId})`,
  );
  const recused = new Set(rows.map((row) => Number(row.id)));
  return experts.filter((id) => !recused.has(id));
}

async function roundRow(tx: Executor, roundId: number) {
  const [round] = await tx.select({ title: ratingRounds.title, closesAt: ratingRounds.closesAt }).from(ratingRounds).where(eq(ratingRounds.id, roundId));
  return round ?? null;
}

export async function roundOpened(tx: Executor, { roundId, actorId }: { roundId: number; actorId: number }) {
  const round = await roundRow(tx, roundId);
  if (!round?.closesAt) return;
  const recipients = [...(await ratersOf(tx, roundId)), ...(await followerIds(tx, "round", roundId))];
  await notify(tx, {
    kind: "round.opened",
    object: { type: "round", id: roundId },
    eventKey: `round.opened:${roundId}`,
    title: l().roundOpened(round.title, formatDateTime(round.closesAt)),
    path: `/bewertungsrunden/${roundId}`,
    recipientIds: recipients,
    actorId,
  });
}

export async function roundClosing(tx: Executor, { roundId }: { roundId: number }) {
  const round = await roundRow(tx, roundId);
  if (!round?.closesAt) return;
  await notify(tx, {
    kind: "round.closing",
    object: { type: "round", id: roundId },
    eventKey: `round.closing:${roundId}:${round.closesAt.toISOString()}`,
    title: l().roundClosing(round.title, formatDateTime(round.closesAt)),
    path: `/bewertungsrunden/${roundId}/bewerten`,
    recipientIds: await ratersOf(tx, roundId),
  });
}

/** Results are available at close; blind rating means the line says only that. */
export async function roundResultsAvailable(tx: Executor, { roundId, actorId }: { roundId: number; actorId?: number | null }) {
  const round = await roundRow(tx, roundId);
  if (!round) return;
  await notify(tx, {
    kind: "round.results",
    object: { type: "round", id: roundId },
    eventKey: `round.results:${roundId}`,
    title: l().roundResults(round.title),
    path: `/bewertungsrunden/${roundId}/ergebnisse`,
    recipientIds: await boardAndFollowers(tx, "round", roundId),
    actorId,
  });
}

async function recommendationRow(tx: Executor, id: number) {
  const [row] = await tx
    .select({ title: recommendations.title, reference: recommendations.reference, voteDeadline: recommendations.voteDeadline, result: recommendations.result })
    .from(recommendations)
    .where(eq(recommendations.id, id));
  return row ?? null;
}

export async function voteOpened(tx: Executor, { recommendationId, actorId }: { recommendationId: number; actorId: number }) {
  const rec = await recommendationRow(tx, recommendationId);
  if (!rec) return;
  await notify(tx, {
    kind: "vote.opened",
    object: { type: "recommendation", id: recommendationId },
    eventKey: `vote.opened:${recommendationId}`,
    title: l().voteOpened(rec.title),
    path: `/empfehlungen/${recommendationId}`,
    recipientIds: await memberIdsWithRoles(tx, ["expert"]),
    actorId,
  });
}

/** Only experts who have not cast a ballot yet are reminded. */
export async function voteClosing(tx: Executor, { recommendationId }: { recommendationId: number }) {
  const rec = await recommendationRow(tx, recommendationId);
  if (!rec?.voteDeadline) return;
  const rows = await queryRows<{ id: number }>(tx, sql`select user_id as id from recommendation_votes where recommendation_id = ${recommendationId}`);
  const voted = new Set(rows.map((row) => Number(row.id)));
  const experts = (await memberIdsWithRoles(tx, ["expert"])).filter((id) => !voted.has(id));
  await notify(tx, {
    kind: "vote.closing",
    object: { type: "recommendation", id: recommendationId },
    eventKey: `vote.closing:${recommendationId}:${rec.voteDeadline.toISOString()}`,
    title: l().voteClosing(rec.title, formatDateTime(rec.voteDeadline)),
    path: `/empfehlungen/${recommendationId}`,
    recipientIds: experts,
  });
}

export async function voteDecided(tx: Executor, { recommendationId, actorId }: { recommendationId: number; actorId: number }) {
  const rec = await recommendationRow(tx, recommendationId);
  if (!rec) return;
  await notify(tx, {
    kind: "vote.decided",
    object: { type: "recommendation", id: recommendationId },
    eventKey: `vote.decided:${recommendationId}`,
    title: l().voteDecided(rec.title, rec.result ?? ""),
    path: `/empfehlungen/${recommendationId}`,
    recipientIds: await boardAndFollowers(tx, "recommendation", recommendationId),
    actorId,
  });
}

/** Council members, the recommendation's followers and the followers of its papers. */
export async function recommendationPublished(tx: Executor, { recommendationId, actorId }: { recommendationId: number; actorId: number }) {
  const rec = await recommendationRow(tx, recommendationId);
  if (!rec) return;
  const papers = await tx
    .select({ paperId: recommendationPapers.paperId })
    .from(recommendationPapers)
    .where(and(eq(recommendationPapers.recommendationId, recommendationId)));
  const paperFollowers = await followerIdsOfAny(
    tx,
    "paper",
    papers.map((p) => p.paperId),
  );
  const recipients = [...(await memberIdsWithRoles(tx, ["council"])), ...(await followerIds(tx, "recommendation", recommendationId)), ...paperFollowers];
  await notify(tx, {
    kind: "recommendation.published",
    object: { type: "recommendation", id: recommendationId },
    eventKey: `recommendation.published:${recommendationId}`,
    title: l().published(rec.reference ?? "", rec.title),
    path: `/empfehlungen/${recommendationId}`,
    recipientIds: recipients,
    actorId,
  });
}
