import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.server";
import { createProposalTopic } from "../../app/ratings/proposal-topic.server";
import {
  commentVersions,
  comments,
  ratingCriteria,
  ratingKnockoutChecks,
  ratingKnockouts,
  ratingProposals,
  ratingRecusals,
  ratingRounds,
  ratingScores,
  topics,
} from "../schema";
import type { DemoUsers } from "./accounts";
import { PROPOSAL_DISCUSSIONS } from "./ratings-discussion-story";
import { CHATBOT_ROUND, PLATFORM_ROUND, type RoundStory } from "./ratings-story";
import { renderedColumns } from "../../app/server/markdown/stored.server";

async function topicIdBySlug(tx: Executor, slug: string) {
  const [row] = await tx.select({ id: topics.id }).from(topics).where(eq(topics.slug, slug));
  return row?.id ?? null;
}

async function addDiscussion(tx: Executor, topicId: number, story: (typeof PROPOSAL_DISCUSSIONS)[string], people: DemoUsers) {
  for (const comment of story) {
    const createdAt = new Date(comment.at);
    const [row] = await tx
      .insert(comments)
      .values({ topicId, authorId: people.experts[comment.expert], body: comment.body, ...renderedColumns("portal", { bodyHtml: comment.body }), createdAt })
      .returning({ id: comments.id });
    await tx.insert(commentVersions).values({ commentId: row.id, version: 1, body: comment.body, createdAt });
  }
  const last = story.at(-1);
  if (last)
    await tx
      .update(topics)
      .set({ lastActivityAt: new Date(last.at) })
      .where(eq(topics.id, topicId));
}

/** Draft with proposals, criteria and knock-out checks, then opened: the same path staff take. */
async function createOpenedRound(tx: Executor, story: RoundStory, people: DemoUsers) {
  const [round] = await tx
    .insert(ratingRounds)
    .values({
      title: story.title,
      description: story.description,
      topicId: await topicIdBySlug(tx, story.topicSlug),
      rankingMethod: story.method,
      createdById: people.staff,
    })
    .returning({ id: ratingRounds.id });
  const proposalIds: number[] = [];
  for (const [position, proposal] of story.proposals.entries()) {
    const { scores: _scores, ...fields } = proposal;
    // The discussion topic is linked at creation: proposals are frozen once the round opens.
    const createdAt = story.dates ? new Date(story.dates.created) : undefined;
    const discussionTopicId = await createProposalTopic(tx, { roundId: round.id, proposal, authorId: people.staff, at: createdAt });
    await addDiscussion(tx, discussionTopicId, PROPOSAL_DISCUSSIONS[proposal.title] ?? [], people);
    const [row] = await tx
      .insert(ratingProposals)
      .values({ ...fields, roundId: round.id, position, discussionTopicId })
      .returning({ id: ratingProposals.id });
    proposalIds.push(row.id);
  }
  const criterionIds: number[] = [];
  for (const [position, criterion] of story.criteria.entries()) {
    const [row] = await tx
      .insert(ratingCriteria)
      .values({ ...criterion, roundId: round.id, position })
      .returning({ id: ratingCriteria.id });
    criterionIds.push(row.id);
  }
  for (const knockout of story.knockouts) {
    const [row] = await tx
      .insert(ratingKnockouts)
      .values({ title: knockout.title, description: knockout.description, roundId: round.id })
      .returning({ id: ratingKnockouts.id });
    await tx
      .insert(ratingKnockoutChecks)
      .values(proposalIds.map((proposalId) => ({ roundId: round.id, proposalId, knockoutId: row.id, passed: true, note: "" })));
  }
  await tx
    .update(ratingRounds)
    .set({ status: "open", openedAt: sql`now()`, closesAt: sql`now() + interval '21 days'` })
    .where(eq(ratingRounds.id, round.id));
  return { roundId: round.id, proposalIds, criterionIds };
}

async function addScoresAndRecusals(
  tx: Executor,
  story: RoundStory,
  people: DemoUsers,
  ids: { roundId: number; proposalIds: number[]; criterionIds: number[] },
) {
  for (const [p, proposal] of story.proposals.entries()) {
    for (const [expertIndex, row] of proposal.scores.entries()) {
      const raterId = people.experts[expertIndex];
      if (row === "recused") {
        const reason = story.recusals.find((r) => r.proposal === p && r.expert === expertIndex)!.reason;
        await tx.insert(ratingRecusals).values({ roundId: ids.roundId, proposalId: ids.proposalIds[p], raterId, reason });
        continue;
      }
      const values = row.flatMap(([score, reason], c) =>
        score === null ? [] : [{ roundId: ids.roundId, proposalId: ids.proposalIds[p], criterionId: ids.criterionIds[c], raterId, score, reason }],
      );
      if (values.length) await tx.insert(ratingScores).values(values);
    }
  }
}

/**
 * The closed round gets its historical dates afterwards: the guard trigger only lets rounds open
 * with a future closing date, which is right for users and wrong for a story set in January 2025.
 */
async function backdate(tx: Executor, roundId: number, dates: NonNullable<RoundStory["dates"]>) {
  await tx.execute(sql`alter table rating_rounds disable trigger rating_rounds_guard`);
  await tx
    .update(ratingRounds)
    .set({
      status: "closed",
      createdAt: new Date(dates.created),
      openedAt: new Date(dates.opened),
      closesAt: new Date(dates.closes),
      closedAt: new Date(dates.closes),
    })
    .where(eq(ratingRounds.id, roundId));
  await tx.execute(sql`alter table rating_rounds enable trigger rating_rounds_guard`);
}

export async function seedRatings(tx: Executor, people: DemoUsers) {
  const chatbot = await createOpenedRound(tx, CHATBOT_ROUND, people);
  await addScoresAndRecusals(tx, CHATBOT_ROUND, people, chatbot);
  await backdate(tx, chatbot.roundId, CHATBOT_ROUND.dates!);
  const platform = await createOpenedRound(tx, PLATFORM_ROUND, people);
  await addScoresAndRecusals(tx, PLATFORM_ROUND, people, platform);
}
