import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "../../../db/client.server";
import { ratingCriteria, ratingProposals, ratingRecusals, ratingRounds, ratingScores } from "../../../db/schema";
import * as detail from "../../../app/routes/bewertungsrunden.$id._index";
import * as setup from "../../../app/routes/bewertungsrunden.$id.einrichten";
import { RefusalError } from "../../../app/lib/refusal";
import { closeRound, deleteDraftRound, openRound } from "../../../app/ratings/rounds.server";
import { addProposal, deleteCriterion, saveWeights, updateProposal } from "../../../app/ratings/setup.server";
import { declareRecusal } from "../../../app/ratings/scores.server";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { close, createDraftRound, createOpenRound, DAY, proposalInput, score, twoByTwo } from "./rating-fixtures";

let staff: TestUser;
let expert: TestUser;
const future = () => new Date(Date.now() + 7 * DAY);
const spec = () => twoByTwo(staff);

beforeAll(async () => {
  [staff, expert] = await Promise.all([createUser("staff"), createUser("expert")]);
});

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RefusalError);
  return error as RefusalError;
}
async function dbRefusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the database should have refused").toBeTruthy();
  return String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message);
}
/** Staff open the round with the form on its page. */
const openThroughForm = (roundId: number, closesAt: string) =>
  callRoute(detail.action, "/x", { user: staff, params: { id: String(roundId) }, form: { intent: "open", closesAt } });
const statusOf = async (roundId: number) => (await db.select({ s: ratingRounds.status }).from(ratingRounds).where(eq(ratingRounds.id, roundId)))[0].s;

describe("state transitions", () => {
  it("opens a draft whose weights sum to 100 and records it", async () => {
    const round = await createDraftRound(spec());
    const response = await openThroughForm(round.roundId, "2099-01-31T12:00");
    expect(response.status).toBe(302);
    expect(await statusOf(round.roundId)).toBe("open");
    const [audit] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events where action = 'rating_round.opened' and object_id = ${String(round.roundId)}`,
    );
    expect(audit.n).toBe(1);
  });

  it("refuses to open with weights summing to 99, without proposals, with unchecked knock-outs or a past date", async () => {
    const ninetyNine = await createDraftRound({
      ...spec(),
      criteria: [
        ["A", 60],
        ["B", 39],
      ],
    });
    const response = await openThroughForm(ninetyNine.roundId, "2099-01-31T12:00");
    expect(response.status).toBe(422);
    expect((await response.json()).errors.form).toBe("Die Gewichte müssen zusammen genau 100 % ergeben.");
    expect(await statusOf(ninetyNine.roundId)).toBe("draft");
    const empty = await createDraftRound({ ...spec(), proposals: [] });
    expect((await refusal(openRound({ roundId: empty.roundId, closesAt: future(), actor: staff }))).message).toBe(
      "Die Runde braucht mindestens einen Vorschlag.",
    );
    const unchecked = await createDraftRound({ ...spec(), knockout: { title: "AVV", failing: [] } });
    await db.execute(sql`delete from rating_knockout_checks where round_id = ${unchecked.roundId} and proposal_id = ${unchecked.proposals.P2}`);
    expect((await refusal(openRound({ roundId: unchecked.roundId, closesAt: future(), actor: staff }))).status).toBe(422);
    const past = await openThroughForm(ninetyNine.roundId, "2020-01-01T12:00");
    expect(past.status).toBe(422);
    expect((await past.json()).errors.closesAt).toBe("Der Bewertungsschluss muss in der Zukunft liegen.");
  });

  it("refuses every illegal transition: draft→closed, open→open, closed→open, closed→closed", async () => {
    const draft = await createDraftRound(spec());
    expect((await refusal(closeRound({ roundId: draft.roundId, actor: staff }))).status).toBe(409);
    const open = await createOpenRound(spec());
    expect((await refusal(openRound({ roundId: open.roundId, closesAt: future(), actor: staff }))).status).toBe(409);
    await close(open.roundId, staff);
    expect((await refusal(openRound({ roundId: open.roundId, closesAt: future(), actor: staff }))).status).toBe(409);
    expect((await refusal(closeRound({ roundId: open.roundId, actor: staff }))).message).toBe("Die Runde ist bereits abgeschlossen.");
    expect((await refusal(deleteDraftRound({ roundId: open.roundId, actor: staff }))).status).toBe(409);
    expect(await statusOf(open.roundId)).toBe("closed");
  });

  it("the database refuses illegal transitions written directly", async () => {
    const open = await createOpenRound(spec());
    expect(await dbRefusal(db.update(ratingRounds).set({ status: "draft" }).where(eq(ratingRounds.id, open.roundId)))).toContain("ratings:illegal_transition");
    const draft = await createDraftRound(spec());
    expect(await dbRefusal(db.update(ratingRounds).set({ status: "closed", closedAt: new Date() }).where(eq(ratingRounds.id, draft.roundId)))).toContain(
      "ratings:illegal_transition",
    );
    expect(await dbRefusal(db.update(ratingRounds).set({ closesAt: future() }).where(eq(ratingRounds.id, open.roundId)))).toContain("ratings:round_frozen");
    expect(
      await dbRefusal(
        db
          .update(ratingRounds)
          .set({ status: "open", openedAt: new Date(), closesAt: future() })
          .where(eq(ratingRounds.id, (await createDraftRound({ ...spec(), criteria: [["A", 99]] })).roundId)),
      ),
    ).toContain("ratings:weights_not_100");
    expect(await dbRefusal(db.delete(ratingRounds).where(eq(ratingRounds.id, open.roundId)))).toContain("ratings:round_frozen");
  });
});

describe("frozen once open", () => {
  it("refuses editing proposals, criteria and weights with a German message and changes nothing", async () => {
    const open = await createOpenRound(spec());
    for (const attempt of [
      () => addProposal({ roundId: open.roundId, input: proposalInput("P9"), actor: staff }),
      () => updateProposal({ roundId: open.roundId, proposalId: open.proposals.P1, input: proposalInput("P1 neu"), actor: staff }),
      () => deleteCriterion({ roundId: open.roundId, criterionId: open.criteria.A, actor: staff }),
      () =>
        saveWeights({
          roundId: open.roundId,
          weights: new Map([
            [open.criteria.A, 50],
            [open.criteria.B, 50],
          ]),
          actor: staff,
        }),
    ]) {
      const error = await refusal(attempt());
      expect(error.status).toBe(409);
      expect(error.message).toContain("bereits geöffnet");
    }
    const response = await callRoute(setup.action, "/x", {
      user: staff,
      params: { id: String(open.roundId) },
      form: { intent: `delete-criterion:${open.criteria.A}` },
    });
    expect(response.status).toBe(409);
    const criteria = await db.select().from(ratingCriteria).where(eq(ratingCriteria.roundId, open.roundId));
    expect(criteria.map((c) => c.weight).sort()).toEqual([40, 60]);
  });

  it("the database refuses setup changes written directly", async () => {
    const open = await createOpenRound(spec());
    expect(await dbRefusal(db.update(ratingCriteria).set({ weight: 10 }).where(eq(ratingCriteria.id, open.criteria.A)))).toContain("ratings:round_frozen");
    expect(await dbRefusal(db.insert(ratingProposals).values({ ...proposalInput("P7"), roundId: open.roundId }))).toContain("ratings:round_frozen");
    expect(await dbRefusal(db.delete(ratingProposals).where(eq(ratingProposals.id, open.proposals.P1)))).toContain("ratings:round_frozen");
  });
});

describe("database guards on scores", () => {
  const row = (
    round: { roundId: number; proposals: Record<string, number>; criteria: Record<string, number> },
    overrides: Partial<typeof ratingScores.$inferInsert> = {},
  ) => ({
    roundId: round.roundId,
    proposalId: round.proposals.P1,
    criterionId: round.criteria.A,
    raterId: expert.id,
    score: 5,
    reason: "",
    ...overrides,
  });

  it("enforces range, reason, uniqueness and same-round criteria", async () => {
    const open = await createOpenRound(spec());
    const other = await createOpenRound(spec());
    expect(await dbRefusal(db.insert(ratingScores).values(row(open, { score: 11, reason: "x" })))).toMatch(/rating_scores_score_range|check/);
    expect(await dbRefusal(db.insert(ratingScores).values(row(open, { score: 10 })))).toMatch(/rating_scores_reason_required|check/);
    expect(await dbRefusal(db.insert(ratingScores).values(row(open, { criterionId: other.criteria.A })))).toMatch(/rating_scores_criterion_fk|foreign key/);
    await db.insert(ratingScores).values(row(open));
    expect(await dbRefusal(db.insert(ratingScores).values(row(open)))).toMatch(/rating_scores_rater_proposal_criterion_unique|duplicate/);
  });

  it("refuses scores for a recused pair, in a draft, after close and from non-experts", async () => {
    const open = await createOpenRound(spec());
    await declareRecusal({ roundId: open.roundId, proposalId: open.proposals.P2, rater: expert, reason: "Verwandtschaft" });
    expect(await dbRefusal(db.insert(ratingScores).values(row(open, { proposalId: open.proposals.P2 })))).toContain("ratings:recused");
    expect(await dbRefusal(db.delete(ratingRecusals).where(eq(ratingRecusals.roundId, open.roundId)))).toContain("ratings:recusal_permanent");
    expect(await dbRefusal(db.insert(ratingScores).values(row(open, { raterId: staff.id })))).toContain("ratings:not_a_rater");
    const draft = await createDraftRound(spec());
    expect(await dbRefusal(db.insert(ratingScores).values(row(draft)))).toContain("ratings:round_not_open");
    await score(open.roundId, expert, open.proposals.P1, open.criteria, { A: 5 });
    await close(open.roundId, staff);
    expect(await dbRefusal(db.insert(ratingScores).values(row(open, { criterionId: open.criteria.B })))).toContain("ratings:round_not_open");
    expect(await dbRefusal(db.update(ratingScores).set({ score: 6 }).where(eq(ratingScores.roundId, open.roundId)))).toContain("ratings:round_not_open");
    expect(await dbRefusal(db.delete(ratingScores).where(eq(ratingScores.roundId, open.roundId)))).toContain("ratings:round_not_open");
    expect((await refusal(declareRecusal({ roundId: open.roundId, proposalId: open.proposals.P1, rater: expert, reason: "Zu spät" }))).status).toBe(409);
  });

  it("refuses scores for a proposal excluded by a knock-out criterion", async () => {
    const open = await createOpenRound({ ...spec(), knockout: { title: "AVV", failing: ["P1"] } });
    expect(await dbRefusal(db.insert(ratingScores).values(row(open)))).toContain("ratings:proposal_excluded");
  });
});
