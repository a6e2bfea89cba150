import { asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { ratingProposals, ratingRounds, topicFields, topics } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import { uniqueTopicSlug } from "~/topics/slug.server";

/** Where a proposal's discussion lands when the round has no linked topic, in this order. */
const FALLBACK_FIELDS = ["KI", "Sonstiges"];

export function proposalTopicTitle(proposalTitle: string, roundTitle: string) {
  return `Vorschlag „${proposalTitle}“ (${roundTitle})`.slice(0, 200);
}

/** The field of the round's linked topic, else "KI" or "Sonstiges" by name; "Sonstiges" is created if no field exists. */
async function fieldForRound(tx: Executor, topicId: number | null, actorId: number) {
  if (topicId !== null) {
    const [linked] = await tx.select({ fieldId: topics.fieldId }).from(topics).where(eq(topics.id, topicId));
    if (linked) return linked.fieldId;
  }
  const named = await tx
    .select({ id: topicFields.id, name: topicFields.name })
    .from(topicFields)
    .where(inArray(sql`lower(${topicFields.name})`, FALLBACK_FIELDS.map((name) => name.toLowerCase())))
    .orderBy(asc(topicFields.position));
  const preferred = FALLBACK_FIELDS.map((name) => named.find((f) => f.name.toLowerCase() === name.toLowerCase())).find(Boolean);
  if (preferred) return preferred.id;
  const [created] = await tx.insert(topicFields).values({ name: "Sonstiges", position: 1000 }).returning({ id: topicFields.id });
  await recordAudit(tx, { actorId, action: "topic_field.created", objectType: "topic_field", objectId: created.id, details: { name: "Sonstiges" } });
  return created.id;
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
  const title = proposalTopicTitle(proposal.title, round.title);
  const slug = await uniqueTopicSlug(tx, title);
  const fieldId = await fieldForRound(tx, round.topicId, authorId);
  const when = at ?? sql`now()`;
  const [row] = await tx
    .insert(topics)
    .values({
      slug,
      title,
      body: `Diskussion des Beirats zum Angebot **${proposal.title}** von ${proposal.vendor} in der Bewertungsrunde „${round.title}“.`,
      fieldId,
      authorId,
      visibility: "internal",
      createdAt: when,
      updatedAt: when,
      lastActivityAt: when,
    })
    .returning({ id: topics.id });
  await recordAudit(tx, { actorId: authorId, action: "topic.created", objectType: "topic", objectId: row.id, details: { slug, visibility: "internal", roundId } });
  return row.id;
}

/** Keeps the discussion's title in step when staff rename a proposal while the round is a draft. */
export async function renameProposalTopic(tx: Executor, { topicId, roundId, proposalTitle }: { topicId: number; roundId: number; proposalTitle: string }) {
  const [round] = await tx.select({ title: ratingRounds.title }).from(ratingRounds).where(eq(ratingRounds.id, roundId));
  await tx.update(topics).set({ title: proposalTopicTitle(proposalTitle, round.title), updatedAt: new Date() }).where(eq(topics.id, topicId));
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
