import { beforeAll, describe, expect, it } from "vitest";
import { getRoundResults } from "../../../app/ratings/results.server";
import { getSensitivity, sensitivityScenarios } from "../../../app/ratings/sensitivity.server";
import { declareRecusal } from "../../../app/ratings/scores.server";
import { rankProposals, pseudonymLabel } from "../../../app/ratings/ranking.server";
import { createUser, type TestUser } from "../../support/fixtures";
import { close, createOpenRound, score } from "./rating-fixtures";

/*
 * Hand-computed example. Weights A 50, B 30, C 20. P3 fails the knock-out criterion.
 *   P1: E1 8/6/5 → 6.8   E2 6/7/4 → 5.9   E3 7/5/6 → 6.2   E4 recused   E5 only A=9 (incomplete)
 *       mean 18.9/3 = 6.3, median 6.2
 *   P2: E1 5/5/5 → 5.0   E2 10/10/10 → 10.0   E3 4/6/5 → 4.8   E4 6/6/6 → 6.0
 *       mean 25.8/4 = 6.45, median of an even count (5.0 + 6.0)/2 = 5.5
 * By mean P2 wins (6.45 > 6.3); by median P1 wins (6.2 > 5.5).
 */
let staff: TestUser;
let experts: TestUser[];
let fixture: Awaited<ReturnType<typeof createOpenRound>>;

beforeAll(async () => {
  staff = await createUser("staff");
  experts = await Promise.all([1, 2, 3, 4, 5].map(() => createUser("expert")));
  fixture = await createOpenRound({
    staff,
    criteria: [
      ["A", 50],
      ["B", 30],
      ["C", 20],
    ],
    proposals: ["P1", "P2", "P3"],
    knockout: { title: "Hosting in der EU", failing: ["P3"] },
  });
  const { roundId, proposals: p, criteria: c } = fixture;
  const [e1, e2, e3, e4, e5] = experts;
  await score(roundId, e1, p.P1, c, { A: 8, B: 6, C: 5 });
  await score(roundId, e2, p.P1, c, { A: 6, B: 7, C: 4 });
  await score(roundId, e3, p.P1, c, { A: 7, B: 5, C: 6 });
  await score(roundId, e4, p.P1, c, { A: 1, B: 1 }); // removed by the recusal below
  await declareRecusal({ roundId, proposalId: p.P1, rater: e4, reason: "Ehemaliger Arbeitgeber" });
  await score(roundId, e5, p.P1, c, { A: 9 });
  await score(roundId, e1, p.P2, c, { A: 5, B: 5, C: 5 });
  await score(roundId, e2, p.P2, c, { A: 10, B: 10, C: 10 });
  await score(roundId, e3, p.P2, c, { A: 4, B: 6, C: 5 });
  await score(roundId, e4, p.P2, c, { A: 6, B: 6, C: 6 });
  await close(roundId, staff);
});

describe("result arithmetic (SQL aggregates against a hand-computed example)", () => {
  it("computes weighted mean and median totals, even-count medians included", async () => {
    const results = await getRoundResults({ roundId: fixture.roundId, method: "mean" });
    const byTitle = Object.fromEntries(results.ranking.map((r) => [r.title, r]));
    expect(byTitle.P1.mean).toBeCloseTo(6.3, 10);
    expect(byTitle.P1.median).toBeCloseTo(6.2, 10);
    expect(byTitle.P1.raters).toBe(3);
    expect(byTitle.P2.mean).toBeCloseTo(6.45, 10);
    expect(byTitle.P2.median).toBeCloseTo(5.5, 10);
    expect(byTitle.P2.raters).toBe(4);
    expect(byTitle.P2.min).toBeCloseTo(4.8, 10);
    expect(byTitle.P2.max).toBeCloseTo(10, 10);
  });

  it("ranks by the method chosen at setup and leaves excluded proposals unranked", async () => {
    const byMean = await getRoundResults({ roundId: fixture.roundId, method: "mean" });
    expect(byMean.ranking.map((r) => [r.title, r.rank])).toEqual([
      ["P2", 1],
      ["P1", 2],
      ["P3", null],
    ]);
    const byMedian = await getRoundResults({ roundId: fixture.roundId, method: "median" });
    expect(byMedian.ranking.map((r) => [r.title, r.rank])).toEqual([
      ["P1", 1],
      ["P2", 2],
      ["P3", null],
    ]);
    const p3 = byMean.ranking.find((r) => r.title === "P3")!;
    expect(p3.excluded).toBe(true);
    expect(p3.excludedBy).toEqual(["Hosting in der EU"]);
    expect(p3.mean).toBeNull();
  });

  it("computes per-criterion mean, median, spread, count and sample standard deviation", async () => {
    const results = await getRoundResults({ roundId: fixture.roundId, method: "mean" });
    const p1 = results.ranking.find((r) => r.title === "P1")!;
    const p2 = results.ranking.find((r) => r.title === "P2")!;
    const p1A = p1.criteria.find((s) => s.criterionId === fixture.criteria.A)!;
    // 8, 6, 7 and the incomplete rater's 9: mean 7.5, s = sqrt(5/3)
    expect(p1A).toMatchObject({ min: 6, max: 9, count: 4 });
    expect(p1A.mean).toBeCloseTo(7.5, 10);
    expect(p1A.median).toBeCloseTo(7.5, 10);
    expect(p1A.stddev).toBeCloseTo(Math.sqrt(5 / 3), 10);
    expect(p1A.highDisagreement).toBe(false);
    const p2A = p2.criteria.find((s) => s.criterionId === fixture.criteria.A)!;
    // 5, 10, 4, 6: mean 6.25, s = sqrt(20.75/3) ≈ 2.63 → flagged
    expect(p2A.mean).toBeCloseTo(6.25, 10);
    expect(p2A.stddev).toBeCloseTo(Math.sqrt(20.75 / 3), 10);
    expect(p2A.highDisagreement).toBe(true);
    const p2B = p2.criteria.find((s) => s.criterionId === fixture.criteria.B)!;
    expect(p2B.stddev).toBeCloseTo(Math.sqrt(14.75 / 3), 10);
    expect(p2B.highDisagreement).toBe(false);
  });

  it("honours recusals: the recused scores are gone and the recusal is listed", async () => {
    const results = await getRoundResults({ roundId: fixture.roundId, method: "mean" });
    const p1 = results.ranking.find((r) => r.title === "P1")!;
    expect(p1.recusals).toEqual([{ name: experts[3].name, reason: "Ehemaliger Arbeitgeber" }]);
    const p1B = p1.criteria.find((s) => s.criterionId === fixture.criteria.B)!;
    expect(p1B.count).toBe(3);
    expect(p1B.min).toBe(5);
    expect(results.raterCount).toBe(5);
  });

  it("lists reasons under pseudonyms, never names", async () => {
    const results = await getRoundResults({ roundId: fixture.roundId, method: "mean" });
    const p2A = results.ranking.find((r) => r.title === "P2")!.criteria.find((s) => s.criterionId === fixture.criteria.A)!;
    expect(p2A.reasons).toHaveLength(1);
    expect(p2A.reasons[0]).toMatchObject({ score: 10, reason: "Begründung 10" });
    expect(p2A.reasons[0].rater).toMatch(/^[A-E]$/);
    expect(JSON.stringify(results)).not.toContain(experts[1].name);
  });
});

describe("sensitivity", () => {
  it("moves each weight by ±10 points and renormalises the others", () => {
    const scenarios = sensitivityScenarios([
      { id: 1, title: "A", weight: 50 },
      { id: 2, title: "B", weight: 30 },
      { id: 3, title: "C", weight: 20 },
    ]);
    expect(scenarios).toHaveLength(7);
    const aDown = scenarios.find((s) => s.criterionId === 1 && s.to === 40)!;
    expect(aDown.weights.map((w) => w.weight)).toEqual([40, 36, 24]);
    for (const s of scenarios) expect(s.weights.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(100, 10);
    const edge = sensitivityScenarios([
      { id: 1, title: "A", weight: 100 },
      { id: 2, title: "B", weight: 0 },
    ]);
    expect(edge.map((s) => [s.criterionId, s.to])).toEqual([
      [null, 0],
      [2, 10],
    ]);
    expect(edge[1].weights.map((w) => w.weight)).toEqual([90, 10]);
  });

  it("flags the scenario where the winner changes (A +10 makes P1 win by mean)", async () => {
    const rows = await getSensitivity({
      roundId: fixture.roundId,
      method: "mean",
      criteria: [
        { id: fixture.criteria.A, title: "A", weight: 50 },
        { id: fixture.criteria.B, title: "B", weight: 30 },
        { id: fixture.criteria.C, title: "C", weight: 20 },
      ],
      proposals: [
        { id: fixture.proposals.P1, title: "P1", excluded: false },
        { id: fixture.proposals.P2, title: "P2", excluded: false },
        { id: fixture.proposals.P3, title: "P3", excluded: true },
      ],
    });
    expect(rows[0].winnerIds).toEqual([fixture.proposals.P2]);
    const aUp = rows.find((r) => r.scenario.criterionId === fixture.criteria.A && r.scenario.to === 60)!;
    // P1 = (7·60 + 6·24 + 5·16)/100 = 6.44, P2 = (6.25·60 + 6.75·24 + 6.5·16)/100 = 6.41
    expect(aUp.ranked.find((r) => r.id === fixture.proposals.P1)!.mean).toBeCloseTo(6.44, 10);
    expect(aUp.ranked.find((r) => r.id === fixture.proposals.P2)!.mean).toBeCloseTo(6.41, 10);
    expect(aUp.winnerChanged).toBe(true);
    const aDown = rows.find((r) => r.scenario.criterionId === fixture.criteria.A && r.scenario.to === 40)!;
    // P1 = (6.56 + 5.88 + 6.04)/3 = 6.16, P2 = (5 + 10 + 4.96 + 6)/4 = 6.49
    expect(aDown.ranked.find((r) => r.id === fixture.proposals.P1)!.mean).toBeCloseTo(6.16, 10);
    expect(aDown.ranked.find((r) => r.id === fixture.proposals.P2)!.mean).toBeCloseTo(6.49, 10);
    expect(aDown.winnerChanged).toBe(false);
  });
});

describe("ranking helpers", () => {
  it("gives tied proposals the same rank and skips the next (1, 1, 3)", () => {
    const ranked = rankProposals(
      [
        { id: 1, mean: 7, median: 7, excluded: false },
        { id: 2, mean: 8, median: 6, excluded: false },
        { id: 3, mean: 8, median: 6, excluded: false },
        { id: 4, mean: null, median: null, excluded: false },
        { id: 5, mean: 9, median: 9, excluded: true },
      ],
      "mean",
    );
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      [2, 1],
      [3, 1],
      [1, 3],
      [4, null],
      [5, null],
    ]);
  });

  it("treats float noise as a tie", () => {
    const ranked = rankProposals(
      [
        { id: 1, mean: 0.1 + 0.2, median: 0, excluded: false },
        { id: 2, mean: 0.3, median: 0, excluded: false },
      ],
      "mean",
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });

  it("labels pseudonyms A…Z, AA…", () => {
    expect([1, 2, 26, 27, 28, 52, 53].map(pseudonymLabel)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA"]);
  });
});
