import { eq, sql } from "drizzle-orm";
import { db } from "../../../db/client.server";
import { ratingRounds } from "../../../db/schema";
import { closeRound, createRound, openRound } from "../../../app/ratings/rounds.server";
import { addCriterion, addKnockout, addProposal, saveKnockoutChecks } from "../../../app/ratings/setup.server";
import { saveScores } from "../../../app/ratings/scores.server";
import type { TestUser } from "../../support/fixtures";

export const DAY = 24 * 60 * 60 * 1000;

export function proposalInput(title: string, vendor = `${title} GmbH`) {
  return {
    title,
    vendor,
    summary: `Angebot **${title}**`,
    hostingLocation: "Frankfurt am Main",
    avvAvailable: true,
    bsiC5: null,
    iso27001: true,
    accessibility: "WCAG 2.1 AA",
    priceModel: "Jahreslizenz",
    referenceCustomers: "Stadt Trier",
  };
}

type Spec = {
  staff: TestUser;
  criteria: Array<[string, number]>;
  proposals: string[];
  /** Knock-out title and the proposals that fail it. */
  knockout?: { title: string; failing: string[] };
  method?: "mean" | "median";
};

/** The usual small round: criteria A (60) and B (40), proposals P1 and P2. */
export function twoByTwo(staff: TestUser): Spec {
  return {
    staff,
    criteria: [
      ["A", 60],
      ["B", 40],
    ],
    proposals: ["P1", "P2"],
  };
}

/** A draft round with proposals and criteria as given; ids by title. */
export async function createDraftRound(spec: Spec) {
  const roundId = await createRound({
    input: { title: `Runde ${Math.random().toString(36).slice(2, 8)}`, description: "Testrunde", topicId: null, rankingMethod: spec.method ?? "mean" },
    actor: spec.staff,
  });
  const proposals: Record<string, number> = {};
  for (const title of spec.proposals) proposals[title] = await addProposal({ roundId, input: proposalInput(title), actor: spec.staff });
  const criteria: Record<string, number> = {};
  for (const [key, weight] of spec.criteria)
    criteria[key] = await addCriterion({
      roundId,
      input: { title: `Kriterium ${key}`, scaleDescription: "0 = schlecht, 10 = sehr gut", weight },
      actor: spec.staff,
    });
  if (spec.knockout) {
    const knockoutId = await addKnockout({ roundId, input: { title: spec.knockout.title, description: "" }, actor: spec.staff });
    await saveKnockoutChecks({
      roundId,
      checks: spec.proposals.map((title) => ({ proposalId: proposals[title], knockoutId, passed: !spec.knockout!.failing.includes(title) })),
      actor: spec.staff,
    });
  }
  return { roundId, proposals, criteria };
}

export async function createOpenRound(spec: Spec) {
  const round = await createDraftRound(spec);
  await openRound({ roundId: round.roundId, closesAt: new Date(Date.now() + 7 * DAY), actor: spec.staff });
  return round;
}

/** Scores as "criterion: score" per proposal; reasons are filled in where required. */
export async function score(roundId: number, rater: TestUser, proposalId: number, criteria: Record<string, number>, values: Record<string, number>) {
  await saveScores({
    roundId,
    proposalId,
    rater,
    entries: Object.entries(values).map(([title, value]) => ({
      criterionId: criteria[title],
      score: value,
      reason: value < 3 || value > 8 ? `Begründung ${value}` : "",
    })),
  });
}

export async function close(roundId: number, staff: TestUser) {
  await closeRound({ roundId, actor: staff });
}

/** Moves the closing date into the past without writing the state: the "automatic close". */
export async function expire(roundId: number) {
  await db.execute(sql`alter table rating_rounds disable trigger rating_rounds_guard`);
  await db
    .update(ratingRounds)
    .set({ closesAt: new Date(Date.now() - 1000) })
    .where(eq(ratingRounds.id, roundId));
  await db.execute(sql`alter table rating_rounds enable trigger rating_rounds_guard`);
}
