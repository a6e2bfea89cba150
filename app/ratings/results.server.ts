import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import type { RankingMethod } from "#db/schema";
import { getRoundSetup } from "~/ratings/setup.server";
import { pseudonymLabel, rankProposals } from "~/ratings/ranking.server";

/** A criterion's standard deviation from this value on (0–10 scale) is flagged as disagreement. */
export const HIGH_STDDEV = 2.5;

type TotalRow = {
  proposalId: number;
  mean: number | null;
  median: number | null;
  raters: number;
  min: number | null;
  max: number | null;
  stddev: number | null;
};
type CriterionRow = { proposalId: number; criterionId: number; mean: number; median: number; min: number; max: number; count: number; stddev: number | null };
type ReasonRow = { proposalId: number; criterionId: number; pseudonym: number; score: number; reason: string };
type RecusalRow = { proposalId: number; name: string | null; reason: string };

/** Per rater and proposal, the weighted total (0–10) of raters who scored every criterion. */
function raterTotalsCte(roundId: number) {
  return sql`
    rater_totals as (
      select s.proposal_id, s.rater_id, sum(s.score * c.weight)::float8 / 100 as total
      from rating_scores s join rating_criteria c on c.id = s.criterion_id
      where s.round_id = ${roundId}
      group by s.proposal_id, s.rater_id
      having count(*) = (select count(*) from rating_criteria where round_id = ${roundId})
    )`;
}

async function proposalTotals(roundId: number) {
  return queryRows<TotalRow>(
    db,
    sql`
      with ${raterTotalsCte(roundId)}
      select p.id as "proposalId",
        avg(t.total)::float8 as mean,
        percentile_cont(0.5) within group (order by t.total) as median,
        count(t.rater_id)::int as raters,
        min(t.total)::float8 as min, max(t.total)::float8 as max,
        stddev_samp(t.total)::float8 as stddev
      from rating_proposals p left join rater_totals t on t.proposal_id = p.id
      where p.round_id = ${roundId}
      group by p.id`,
  );
}

async function criterionStats(roundId: number) {
  return queryRows<CriterionRow>(
    db,
    sql`
      select s.proposal_id as "proposalId", s.criterion_id as "criterionId",
        avg(s.score)::float8 as mean,
        percentile_cont(0.5) within group (order by s.score) as median,
        min(s.score)::int as min, max(s.score)::int as max, count(*)::int as count,
        stddev_samp(s.score)::float8 as stddev
      from rating_scores s
      where s.round_id = ${roundId}
      group by s.proposal_id, s.criterion_id`,
  );
}

/** Pseudonym numbers follow a per-round secret, not user ids, so they cannot be mapped back. */
export function pseudonymsCte(roundId: number) {
  return sql`
    pseudonyms as (
      select x.rater_id, row_number() over (order by md5(r.pseudonym_salt || ':' || x.rater_id::text))::int as n
      from (select distinct rater_id from rating_scores where round_id = ${roundId}) x
      cross join rating_rounds r where r.id = ${roundId}
    )`;
}

async function reasons(roundId: number) {
  return queryRows<ReasonRow>(
    db,
    sql`
      with ${pseudonymsCte(roundId)}
      select s.proposal_id as "proposalId", s.criterion_id as "criterionId", ps.n as pseudonym, s.score, s.reason
      from rating_scores s join pseudonyms ps on ps.rater_id = s.rater_id
      where s.round_id = ${roundId} and btrim(s.reason) <> ''
      order by s.proposal_id, s.criterion_id, ps.n`,
  );
}

async function recusals(roundId: number) {
  return queryRows<RecusalRow>(
    db,
    sql`
      select c.proposal_id as "proposalId", u.name, c.reason
      from rating_recusals c join users u on u.id = c.rater_id
      where c.round_id = ${roundId}
      order by c.proposal_id, u.name`,
  );
}

async function raterCount(roundId: number) {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(distinct rater_id)::int as n from rating_scores where round_id = ${roundId}`);
  return row?.n ?? 0;
}

/** Everything the results page, chart, print view and CSV show; call only for closed rounds. */
export async function getRoundResults({ roundId, method }: { roundId: number; method: RankingMethod }) {
  const [setup, totals, stats, reasonRows, recusalRows, raters] = await Promise.all([
    getRoundSetup({ roundId }),
    proposalTotals(roundId),
    criterionStats(roundId),
    reasons(roundId),
    recusals(roundId),
    raterCount(roundId),
  ]);
  const proposals = setup.proposals.map((p) => {
    const total = totals.find((row) => row.proposalId === p.id);
    return {
      id: p.id,
      title: p.title,
      vendor: p.vendor,
      excluded: p.excludedBy.length > 0,
      excludedBy: p.excludedBy,
      mean: total?.mean ?? null,
      median: total?.median ?? null,
      raters: total?.raters ?? 0,
      min: total?.min ?? null,
      max: total?.max ?? null,
      stddev: total?.stddev ?? null,
      criteria: setup.criteria.map((c) => {
        const stat = stats.find((row) => row.proposalId === p.id && row.criterionId === c.id);
        return {
          criterionId: c.id,
          mean: stat?.mean ?? null,
          median: stat?.median ?? null,
          min: stat?.min ?? null,
          max: stat?.max ?? null,
          count: stat?.count ?? 0,
          stddev: stat?.stddev ?? null,
          highDisagreement: (stat?.stddev ?? 0) >= HIGH_STDDEV,
          reasons: reasonRows
            .filter((row) => row.proposalId === p.id && row.criterionId === c.id)
            .map((row) => ({ rater: pseudonymLabel(row.pseudonym), score: row.score, reason: row.reason })),
        };
      }),
      recusals: recusalRows.filter((row) => row.proposalId === p.id).map((row) => ({ name: row.name, reason: row.reason })),
    };
  });
  return {
    criteria: setup.criteria.map((c) => ({ id: c.id, title: c.title, weight: c.weight, scaleDescription: c.scaleDescription })),
    knockouts: setup.knockouts.map((k) => ({ id: k.id, title: k.title })),
    ranking: rankProposals(proposals, method),
    raterCount: raters,
  };
}

export type RoundResults = Awaited<ReturnType<typeof getRoundResults>>;
