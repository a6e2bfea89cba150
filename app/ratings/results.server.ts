import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import type { RankingMethod } from "#db/schema";
import { pseudonymLabel, rankProposals } from "~/ratings/ranking.server";

/** A criterion's standard deviation from this value on (0–10 scale) is flagged as disagreement. */
export const HIGH_STDDEV = 2.5;

type ProposalRow = {
  id: number;
  title: string;
  vendor: string;
  excludedBy: string[];
  mean: number | null;
  median: number | null;
  raters: number;
  min: number | null;
  max: number | null;
  stddev: number | null;
  roundRaters: number;
};
type SetupRow = {
  criteria: Array<{ id: number; title: string; weight: number; scaleDescription: string }>;
  knockouts: Array<{ id: number; title: string }>;
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

/** Proposals in setup order with their totals, failed knock-outs and the round's rater count. */
async function proposalTotals(roundId: number) {
  return queryRows<ProposalRow>(
    db,
    sql`
      with ${raterTotalsCte(roundId)}
      select p.id, p.title, p.vendor,
        coalesce((
          select json_agg(k.title order by k.id)
          from rating_knockout_checks kc join rating_knockouts k on k.id = kc.knockout_id
          where kc.round_id = ${roundId} and kc.proposal_id = p.id and not kc.passed
        ), '[]'::json) as "excludedBy",
        tt.mean, tt.median, tt.raters, tt.min, tt.max, tt.stddev,
        (select count(distinct rater_id)::int from rating_scores where round_id = ${roundId}) as "roundRaters"
      from rating_proposals p
      cross join lateral (
        select avg(t.total)::float8 as mean,
          percentile_cont(0.5) within group (order by t.total) as median,
          count(t.rater_id)::int as raters,
          min(t.total)::float8 as min, max(t.total)::float8 as max,
          stddev_samp(t.total)::float8 as stddev
        from rater_totals t where t.proposal_id = p.id
      ) tt
      where p.round_id = ${roundId}
      order by p.position, p.id`,
  );
}

/** Criteria and knock-out criteria of a round, in setup order, in one statement. */
async function roundSetup(roundId: number) {
  const [row] = await queryRows<SetupRow>(
    db,
    sql`
      select
        coalesce((
          select json_agg(json_build_object('id', c.id, 'title', c.title, 'weight', c.weight, 'scaleDescription', c.scale_description) order by c.position, c.id)
          from rating_criteria c where c.round_id = ${roundId}
        ), '[]'::json) as criteria,
        coalesce((
          select json_agg(json_build_object('id', k.id, 'title', k.title) order by k.id)
          from rating_knockouts k where k.round_id = ${roundId}
        ), '[]'::json) as knockouts`,
  );
  return row;
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

/** Everything the results page, chart, print view and CSV show; call only for closed rounds. */
export async function getRoundResults({ roundId, method }: { roundId: number; method: RankingMethod }) {
  const [setup, totals, stats, reasonRows, recusalRows] = await Promise.all([
    roundSetup(roundId),
    proposalTotals(roundId),
    criterionStats(roundId),
    reasons(roundId),
    recusals(roundId),
  ]);
  const proposals = totals.map((p) => {
    return {
      id: p.id,
      title: p.title,
      vendor: p.vendor,
      excluded: p.excludedBy.length > 0,
      excludedBy: p.excludedBy,
      mean: p.mean,
      median: p.median,
      raters: p.raters,
      min: p.min,
      max: p.max,
      stddev: p.stddev,
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
    raterCount: totals[0]?.roundRaters ?? 0,
  };
}

export type RoundResults = Awaited<ReturnType<typeof getRoundResults>>;
