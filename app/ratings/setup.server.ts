import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { ratingCriteria, ratingKnockoutChecks, ratingKnockouts, ratingProposals } from "#db/schema";
import { auditOf, recordAudit, type AuditEntry } from "~/accounts/audit.server";
import { createProposalTopic, renameProposalTopic } from "~/ratings/proposal-topic.server";
import { RefusalError } from "~/lib/refusal";
import { changeDraft } from "~/ratings/rounds.server";
import { t } from "~/i18n/de";
import type { ProposalInput } from "~/ratings/proposal";

type Actor = { id: number };

export type CriterionInput = { title: string; scaleDescription: string; weight: number };
export type KnockoutInput = { title: string; description: string };

/** Proposals, criteria and knock-out criteria of a round with the formal checks, in one go. */
export async function getRoundSetup({ roundId }: { roundId: number }) {
  const [proposals, criteria, knockouts, checks] = await Promise.all([
    db.select().from(ratingProposals).where(eq(ratingProposals.roundId, roundId)).orderBy(asc(ratingProposals.position), asc(ratingProposals.id)),
    db.select().from(ratingCriteria).where(eq(ratingCriteria.roundId, roundId)).orderBy(asc(ratingCriteria.position), asc(ratingCriteria.id)),
    db.select().from(ratingKnockouts).where(eq(ratingKnockouts.roundId, roundId)).orderBy(asc(ratingKnockouts.id)),
    db.select().from(ratingKnockoutChecks).where(eq(ratingKnockoutChecks.roundId, roundId)),
  ]);
  const failedBy = new Map<number, string[]>();
  for (const check of checks) {
    if (check.passed) continue;
    const title = knockouts.find((k) => k.id === check.knockoutId)?.title ?? "";
    failedBy.set(check.proposalId, [...(failedBy.get(check.proposalId) ?? []), title]);
  }
  const weightSum = criteria.reduce((sum, c) => sum + c.weight, 0);
  return {
    proposals: proposals.map((p) => ({ ...p, excludedBy: failedBy.get(p.id) ?? [] })),
    criteria,
    knockouts,
    checks,
    weightSum,
  };
}

export async function getProposal({ roundId, proposalId }: { roundId: number; proposalId: number }) {
  const [row] = await db
    .select()
    .from(ratingProposals)
    .where(and(eq(ratingProposals.id, proposalId), eq(ratingProposals.roundId, roundId)));
  return row ?? null;
}

const audit = auditOf("rating_round");

export async function addProposal({ roundId, input, actor }: { roundId: number; input: ProposalInput; actor: Actor }) {
  return changeDraft(roundId, async (tx) => {
    const discussionTopicId = await createProposalTopic(tx, { roundId, proposal: input, authorId: actor.id });
    const [row] = await tx
      .insert(ratingProposals)
      .values({
        ...input,
        roundId,
        discussionTopicId,
        position: sql`(select coalesce(max(position), 0) + 1 from rating_proposals where round_id = ${roundId})`,
      })
      .returning({ id: ratingProposals.id });
    await recordAudit(tx, audit("rating_proposal.created", roundId, actor.id, { proposalId: row.id, title: input.title, discussionTopicId }));
    return row.id;
  });
}

export async function updateProposal({ roundId, proposalId, input, actor }: { roundId: number; proposalId: number; input: ProposalInput; actor: Actor }) {
  await changeDraft(roundId, async (tx) => {
    const updated = await tx
      .update(ratingProposals)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(ratingProposals.id, proposalId), eq(ratingProposals.roundId, roundId)))
      .returning({ id: ratingProposals.id, discussionTopicId: ratingProposals.discussionTopicId });
    if (updated.length === 0) throw new RefusalError(404, t.ratings.errors.proposalNotFound);
    const topicId = updated[0].discussionTopicId;
    if (topicId !== null) await renameProposalTopic(tx, { topicId, roundId, proposalTitle: input.title });
    await recordAudit(tx, audit("rating_proposal.updated", roundId, actor.id, { proposalId }));
  });
}

export async function deleteProposal({ roundId, proposalId, actor }: { roundId: number; proposalId: number; actor: Actor }) {
  await deleteFromDraft(roundId, { table: ratingProposals, id: proposalId, notFound: t.ratings.errors.proposalNotFound }, ({ title }) =>
    audit("rating_proposal.deleted", roundId, actor.id, { proposalId, title }),
  );
}

export async function addCriterion({ roundId, input, actor }: { roundId: number; input: CriterionInput; actor: Actor }) {
  return changeDraft(roundId, async (tx) => {
    const [row] = await tx
      .insert(ratingCriteria)
      .values({ ...input, roundId, position: sql`(select coalesce(max(position), 0) + 1 from rating_criteria where round_id = ${roundId})` })
      .returning({ id: ratingCriteria.id });
    await recordAudit(tx, audit("rating_criterion.created", roundId, actor.id, { criterionId: row.id, title: input.title, weight: input.weight }));
    return row.id;
  });
}

export async function deleteCriterion({ roundId, criterionId, actor }: { roundId: number; criterionId: number; actor: Actor }) {
  await deleteFromDraft(roundId, { table: ratingCriteria, id: criterionId, notFound: t.ratings.errors.criterionNotFound }, () =>
    audit("rating_criterion.deleted", roundId, actor.id, { criterionId }),
  );
}

/** Saves all weights at once; the sum may differ from 100 while drafting, not when opening. */
export async function saveWeights({ roundId, weights, actor }: { roundId: number; weights: Map<number, number>; actor: Actor }) {
  await changeDraft(roundId, async (tx) => {
    const ids = [...weights.keys()];
    const own = ids.length
      ? await tx
          .select({ id: ratingCriteria.id })
          .from(ratingCriteria)
          .where(and(eq(ratingCriteria.roundId, roundId), inArray(ratingCriteria.id, ids)))
      : [];
    if (own.length !== ids.length) throw new RefusalError(422, t.ratings.errors.criterionNotFound);
    if (ids.length > 0) {
      // One statement for all weights, however many criteria the round has.
      const cases = sql.join(
        [...weights].map(([id, weight]) => sql`when ${id} then ${weight}::int`),
        sql` `,
      );
      await tx
        .update(ratingCriteria)
        .set({ weight: sql`case ${ratingCriteria.id} ${cases} end` })
        .where(inArray(ratingCriteria.id, ids));
    }
    await recordAudit(tx, audit("rating_criteria.weights_saved", roundId, actor.id, { weights: Object.fromEntries(weights) }));
  });
}

export async function addKnockout({ roundId, input, actor }: { roundId: number; input: KnockoutInput; actor: Actor }) {
  return changeDraft(roundId, async (tx) => {
    const [row] = await tx
      .insert(ratingKnockouts)
      .values({ ...input, roundId })
      .returning({ id: ratingKnockouts.id });
    await recordAudit(tx, audit("rating_knockout.created", roundId, actor.id, { knockoutId: row.id, title: input.title }));
    return row.id;
  });
}

export async function deleteKnockout({ roundId, knockoutId, actor }: { roundId: number; knockoutId: number; actor: Actor }) {
  await deleteFromDraft(roundId, { table: ratingKnockouts, id: knockoutId, notFound: t.ratings.errors.criterionNotFound }, () =>
    audit("rating_knockout.deleted", roundId, actor.id, { knockoutId }),
  );
}

type DraftRow = { table: typeof ratingProposals | typeof ratingCriteria | typeof ratingKnockouts; id: number; notFound: string };

/** Deletes one proposal, criterion or knock-out criterion of the draft round; a 404 when the round has no such row. */
async function deleteFromDraft(roundId: number, { table, id, notFound }: DraftRow, entry: (deleted: { title: string }) => AuditEntry) {
  await changeDraft(roundId, async (tx) => {
    const deleted = await tx
      .delete(table)
      .where(and(eq(table.id, id), eq(table.roundId, roundId)))
      .returning({ title: table.title });
    if (deleted.length === 0) throw new RefusalError(404, notFound);
    await recordAudit(tx, entry(deleted[0]));
  });
}

export type KnockoutCheckInput = { proposalId: number; knockoutId: number; passed: boolean };

/**
 * Records the formal checks in one statement; every pair must belong to this round (checked
 * against its proposals and knock-out criteria first, so a forged form is a 422, not a 500).
 */
export async function saveKnockoutChecks({ roundId, checks, actor }: { roundId: number; checks: KnockoutCheckInput[]; actor: Actor }) {
  await changeDraft(roundId, async (tx) => {
    if (checks.length === 0) return;
    const [proposals, knockouts] = await Promise.all([
      tx.select({ id: ratingProposals.id }).from(ratingProposals).where(eq(ratingProposals.roundId, roundId)),
      tx.select({ id: ratingKnockouts.id }).from(ratingKnockouts).where(eq(ratingKnockouts.roundId, roundId)),
    ]);
    const proposalIds = new Set(proposals.map((p) => p.id));
    const knockoutIds = new Set(knockouts.map((k) => k.id));
    if (checks.some((c) => !proposalIds.has(c.proposalId) || !knockoutIds.has(c.knockoutId))) throw new RefusalError(422, t.ratings.errors.criterionNotFound);
    await tx
      .insert(ratingKnockoutChecks)
      .values(checks.map((check) => ({ ...check, roundId })))
      .onConflictDoUpdate({ target: [ratingKnockoutChecks.proposalId, ratingKnockoutChecks.knockoutId], set: { passed: sql`excluded.passed` } });
    await recordAudit(
      tx,
      audit("rating_knockout.checked", roundId, actor.id, {
        checks: checks.length,
        failed: checks.filter((c) => !c.passed).map((c) => [c.proposalId, c.knockoutId]),
      }),
    );
  });
}
