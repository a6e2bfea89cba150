import { eq } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { ratingProposals, ratingRounds } from "#db/schema";
import { createDiscussionTopic, renameDiscussionTopic } from "~/topics/discussions.server";

export function proposalTopicTitle(proposalTitle: string, roundTitle: string) {
  return `Vorschlag „${proposalTitle}“ (${roundTitle})`.slice(0, 200);
}

type ProposalTopicArgs = {
  roundId: number;
  proposal: { title: string; vendor: string };
  authorId: number;
  /** Demo data only: the historical creation time. */
  at?: Date;
};

/**
 * Opens the board-internal topic a proposal is discussed in; the caller links it to the proposal
 * in the same transaction (the link cannot be added later: proposals freeze when the round opens).
 */
export async function createProposalTopic(tx: Executor, { roundId, proposal, authorId, at }: ProposalTopicArgs) {
  const [round] = await tx.select({ title: ratingRounds.title, topicId: ratingRounds.topicId }).from(ratingRounds).where(eq(ratingRounds.id, roundId));
  return createDiscussionTopic(tx, {
    title: proposalTopicTitle(proposal.title, round.title),
    body: `Diskussion des Beirats zum Angebot **${proposal.title}** von ${proposal.vendor} in der Bewertungsrunde „${round.title}“.`,
    linkedTopicId: round.topicId,
    authorId,
    owner: { roundId },
    at,
  });
}

/** Keeps the discussion's title in step when staff rename a proposal while the round is a draft. */
export async function renameProposalTopic(tx: Executor, { topicId, roundId, proposalTitle }: { topicId: number; roundId: number; proposalTitle: string }) {
  const [round] = await tx.select({ title: ratingRounds.title }).from(ratingRounds).where(eq(ratingRounds.id, roundId));
  await renameDiscussionTopic(tx, { topicId, title: proposalTopicTitle(proposalTitle, round.title) });
}

/** After a draft round is renamed, every proposal discussion carries the new round title. */
export async function renameRoundProposalTopics(tx: Executor, { roundId }: { roundId: number }) {
  const proposals = await tx
    .select({ title: ratingProposals.title, topicId: ratingProposals.discussionTopicId })
    .from(ratingProposals)
    .where(eq(ratingProposals.roundId, roundId));
  for (const proposal of proposals) {
    if (proposal.topicId !== null) await renameProposalTopic(tx, { topicId: proposal.topicId, roundId, proposalTitle: proposal.title });
  }
}
