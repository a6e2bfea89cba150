import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import type { RankingMethod } from "#db/schema";
import { rankProposals, winners } from "~/ratings/ranking.server";

export const SENSITIVITY_STEP = 10;

type Criterion = { id: number; title: string; weight: number };
export type Scenario = {
  index: number;
  criterionId: number | null;
  criterionTitle: string;
  from: number;
  to: number;
  weights: Array<{ criterionId: number; weight: number }>;
};

/**
 * The base weights plus, per criterion, its weight ±10 points (kept within 0–100) with the
 * other weights scaled so the sum stays 100. Moves that change nothing are left out.
 */
export function sensitivityScenarios(criteria: Criterion[], step = SENSITIVITY_STEP): Scenario[] {
  const base = criteria.map((c) => ({ criterionId: c.id, weight: c.weight }));
  const scenarios: Scenario[] = [{ index: 0, criterionId: null, criterionTitle: "", from: 0, to: 0, weights: base }];
  for (const moved of criteria) {
    const others = 100 - moved.weight;
    if (others <= 0) continue;
    for (const delta of [-step, step]) {
      const to = Math.min(100, Math.max(0, moved.weight + delta));
      if (to === moved.weight) continue;
      const factor = (100 - to) / others;
      scenarios.push({
        index: scenarios.length,
        criterionId: moved.id,
        criterionTitle: moved.title,
        from: moved.weight,
        to,
        weights: criteria.map((c) => ({ criterionId: c.id, weight: c.id === moved.id ? to : c.weight * factor })),
      });
    }
  }
  return scenarios;
}

type ScenarioTotal = { scenario: number; proposalId: number; mean: number; median: number };

/** Mean and median totals of every scenario in one query: the weights go in as JSON, the scores stay in SQL. */
async function scenarioTotals(roundId: number, scenarios: Scenario[]) {
  const weights = scenarios.flatMap((s) => s.weights.map((w) => ({ scenario: s.index, criterion_id: w.criterionId, weight: w.weight })));
  return queryRows<ScenarioTotal>(
    db,
    sql`
      with w as (
        select * from jsonb_to_recordset(${JSON.stringify(weights)}::jsonb) as w(scenario int, criterion_id int, weight float8)
      ),
      rater_totals as (
        select w.scenario, s.proposal_id, s.rater_id, sum(s.score * w.weight) / 100 as total
        from rating_scores s join w on w.criterion_id = s.criterion_id
        where s.round_id = ${roundId}
        group by w.scenario, s.proposal_id, s.rater_id
        having count(*) = (select count(*) from rating_criteria where round_id = ${roundId})
      )
      select scenario, proposal_id as "proposalId", avg(total)::float8 as mean,
        percentile_cont(0.5) within group (order by total) as median
      from rater_totals group by scenario, proposal_id`,
  );
}

type ProposalRef = { id: number; title: string; excluded: boolean };

export async function getSensitivity({
  roundId,
  method,
  criteria,
  proposals,
}: {
  roundId: number;
  method: RankingMethod;
  criteria: Criterion[];
  proposals: ProposalRef[];
}) {
  const scenarios = sensitivityScenarios(criteria);
  const totals = await scenarioTotals(roundId, scenarios);
  const rows = scenarios.map((scenario) => {
    const items = proposals.map((p) => {
      const total = totals.find((row) => row.scenario === scenario.index && row.proposalId === p.id);
      return { id: p.id, title: p.title, excluded: p.excluded, mean: total?.mean ?? null, median: total?.median ?? null };
    });
    const ranked = rankProposals(items, method);
    return { scenario, ranked, winnerIds: winners(ranked) };
  });
  const baseWinners = rows[0]?.winnerIds ?? [];
  const sameSet = (a: number[], b: number[]) => a.length === b.length && a.every((id) => b.includes(id));
  return rows.map((row) => ({ ...row, winnerChanged: !sameSet(row.winnerIds, baseWinners) }));
}
