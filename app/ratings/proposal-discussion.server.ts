import { and, eq, ne } from "drizzle-orm";
import { db } from "#db/client.server";
import { ratingProposals, ratingRounds } from "#db/schema";
import { getDiscussionPreview } from "~/topics/discussions.server";
import { can, type Reader } from "~/policy.server";

/** How many of the newest comments the proposal page shows; the topic page has the rest. */
export const PROPOSAL_COMMENTS_SHOWN = 5;

export function getProposalDiscussion({ reader, topicId }: { reader: Reader; topicId: number | null }) {
  return getDiscussionPreview({ reader, topicId, shown: PROPOSAL_COMMENTS_SHOWN });
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
