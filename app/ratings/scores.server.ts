import { and, asc, eq, sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import { ratingRecusals, ratingScores } from "#db/schema";
import { recordAudit } from "~/accounts/audit.server";
import { guarded } from "~/ratings/errors.server";
import { RefusalError } from "~/lib/refusal";
import { lockRound } from "~/ratings/rounds.server";
import { getProposal } from "~/ratings/setup.server";
import { t } from "~/i18n/de";

type Rater = { id: number };

export type ScoreEntry = { criterionId: number; score: number; reason: string };

/** Only the rater's own scores and recusals: the blind part of an open round. */
export async function getOwnScores({ roundId, rater }: { roundId: number; rater: Rater }) {
  const [scores, recusals] = await Promise.all([
    db
      .select({ proposalId: ratingScores.proposalId, criterionId: ratingScores.criterionId, score: ratingScores.score, reason: ratingScores.reason })
      .from(ratingScores)
      .where(and(eq(ratingScores.roundId, roundId), eq(ratingScores.raterId, rater.id))),
    db
      .select({ proposalId: ratingRecusals.proposalId, reason: ratingRecusals.reason })
      .from(ratingRecusals)
      .where(and(eq(ratingRecusals.roundId, roundId), eq(ratingRecusals.raterId, rater.id)))
      .orderBy(asc(ratingRecusals.proposalId)),
  ]);
  return { scores, recusals };
}

type ProgressRow = { raterId: number; name: string | null; done: number; required: number };

/**
 * Scores given and scores expected per active board member: every criterion for every proposal
 * that is neither excluded by a knock-out criterion nor one the member is recused from.
 */
async function progressRows(roundId: number, raterId?: number) {
  return queryRows<ProgressRow>(
    db,
    sql`
      with proposals as (
        select p.id from rating_proposals p
        where p.round_id = ${roundId}
          and not exists (select 1 from rating_knockout_checks k where k.proposal_id = p.id and not k.passed)
      ),
      criteria as (select count(*)::int as n from rating_criteria where round_id = ${roundId})
      select u.id as "raterId", u.name,
        (select count(*)::int from rating_scores s where s.round_id = ${roundId} and s.rater_id = u.id) as done,
        ((select count(*)::int from proposals)
          - (select count(*)::int from rating_recusals c where c.round_id = ${roundId} and c.rater_id = u.id and c.proposal_id in (select id from proposals))
        ) * (select n from criteria) as required
      from users u
      where u.role = 'expert' and u.disabled_at is null and u.deleted_at is null
        ${raterId === undefined ? sql`` : sql`and u.id = ${raterId}`}
      order by u.name, u.id`,
  );
}

export async function getOwnProgress({ roundId, rater }: { roundId: number; rater: Rater }) {
  const [row] = await progressRows(roundId, rater.id);
  return { done: row?.done ?? 0, required: row?.required ?? 0 };
}

/** For staff while the round is open: who has finished, never what anyone scored. */
export async function listParticipation({ roundId }: { roundId: number }) {
  const rows = await progressRows(roundId);
  return rows.map((row) => ({ raterId: row.raterId, name: row.name ?? t.common.formerMember, finished: row.required > 0 && row.done >= row.required }));
}

/**
 * Upserts the given scores of one proposal. The round row is share-locked so a concurrent close
 * waits; the triggers refuse recused pairs, excluded proposals and closed rounds as well.
 */
export async function saveScores({ roundId, proposalId, rater, entries }: { roundId: number; proposalId: number; rater: Rater; entries: ScoreEntry[] }) {
  await guarded(() =>
    db.transaction(async (tx) => {
      const round = await lockRound(tx, roundId, "share");
      if (round.effective !== "open") throw new RefusalError(409, t.ratings.errors.round_not_open);
      // One statement for all criteria of the proposal.
      if (entries.length > 0) {
        await tx
          .insert(ratingScores)
          .values(
            entries.map((entry) => ({ roundId, proposalId, raterId: rater.id, criterionId: entry.criterionId, score: entry.score, reason: entry.reason })),
          )
          .onConflictDoUpdate({
            target: [ratingScores.raterId, ratingScores.proposalId, ratingScores.criterionId],
            set: { score: sql`excluded.score`, reason: sql`excluded.reason`, updatedAt: new Date() },
          });
      }
      await recordAudit(tx, {
        actorId: rater.id,
        action: "rating_scores.saved",
        objectType: "rating_round",
        objectId: roundId,
        details: { proposalId, criteria: entries.map((e) => e.criterionId) },
      });
    }),
  );
}

/** Befangenheit: recorded with its reason; the rater's scores for the proposal go in the same transaction. */
export async function declareRecusal({ roundId, proposalId, rater, reason }: { roundId: number; proposalId: number; rater: Rater; reason: string }) {
  if (!(await getProposal({ roundId, proposalId }))) throw new RefusalError(404, t.ratings.errors.proposalNotFound);
  await guarded(() =>
    db.transaction(async (tx) => {
      const round = await lockRound(tx, roundId);
      if (round.effective === "closed") throw new RefusalError(409, t.ratings.errors.round_not_open);
      const removed = await tx
        .delete(ratingScores)
        .where(and(eq(ratingScores.raterId, rater.id), eq(ratingScores.proposalId, proposalId)))
        .returning({ id: ratingScores.id });
      await tx.insert(ratingRecusals).values({ roundId, proposalId, raterId: rater.id, reason });
      await recordAudit(tx, {
        actorId: rater.id,
        action: "rating_recusal.declared",
        objectType: "rating_round",
        objectId: roundId,
        details: { proposalId, removedScores: removed.length },
      });
    }),
  );
}

type OpenRoundRow = { id: number; title: string; closesAt: string | Date; done: number; required: number };

/** Dashboard: rounds open for scoring now, with the rater's own progress, soonest closing first. */
export async function listOpenRoundsForRater({ rater }: { rater: Rater }) {
  const rows = await queryRows<OpenRoundRow>(
    db,
    sql`
      with open_rounds as (
        select id, title, closes_at from rating_rounds where status = 'open' and closes_at > now()
      ),
      proposals as (
        select p.id, p.round_id from rating_proposals p join open_rounds r on r.id = p.round_id
        where not exists (select 1 from rating_knockout_checks k where k.proposal_id = p.id and not k.passed)
      )
      select r.id, r.title, r.closes_at as "closesAt",
        (select count(*)::int from rating_scores s where s.round_id = r.id and s.rater_id = ${rater.id}) as done,
        ((select count(*)::int from proposals p where p.round_id = r.id)
          - (select count(*)::int from rating_recusals c where c.round_id = r.id and c.rater_id = ${rater.id} and c.proposal_id in (select id from proposals))
        ) * (select count(*)::int from rating_criteria c where c.round_id = r.id) as required
      from open_rounds r
      order by r.closes_at, r.id
      limit 20`,
  );
  return rows.map((row) => ({ ...row, closesAt: new Date(row.closesAt).toISOString() }));
}
