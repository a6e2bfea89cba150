import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "../../../db/client.server";
import { ratingRounds, ratingScores } from "../../../db/schema";
import * as detail from "../../../app/routes/bewertungsrunden.$id._index";
import * as scoring from "../../../app/routes/bewertungsrunden.$id.bewerten";
import * as list from "../../../app/routes/bewertungsrunden._index";
import { listOpenRoundsForRater, saveScores } from "../../../app/ratings/scores.server";
import * as dashboard from "../../../app/routes/_index";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { createDraftRound, createOpenRound, expire, score } from "./rating-fixtures";

let staff: TestUser;
let admin: TestUser;
let alice: TestUser;
let bob: TestUser;
let round: Awaited<ReturnType<typeof createOpenRound>>;

beforeAll(async () => {
  [staff, admin, alice, bob] = await Promise.all([createUser("staff"), createUser("admin"), createUser("expert"), createUser("expert")]);
  round = await createOpenRound({
    staff,
    criteria: [
      ["A", 50],
      ["B", 30],
      ["C", 20],
    ],
    proposals: ["P1", "P2", "P3", "P4"],
  });
});

const form = (proposalId: number, values: Record<string, string>) => ({ intent: "save", proposalId: String(proposalId), ...values });
const save = (user: TestUser, values: Record<string, string>, proposalId = round.proposals.P1, roundId = round.roundId) =>
  callRoute(scoring.action, "/x", { user, params: { id: String(roundId) }, form: form(proposalId, values) });
const ownRows = (user: TestUser) =>
  db
    .select()
    .from(ratingScores)
    .where(and(eq(ratingScores.raterId, user.id), eq(ratingScores.roundId, round.roundId)));

describe("scoring", () => {
  it("saves partially, shows progress and resumes with the saved values", async () => {
    const c = round.criteria;
    const response = await save(alice, { [`score-${c.A}`]: "7", [`reason-${c.A}`]: "Solide", [`score-${c.B}`]: "" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("gespeichert=1");
    const page = await (await callRoute(scoring.loader, `/x?vorschlag=${round.proposals.P1}`, { user: alice, params: { id: String(round.roundId) } })).json();
    expect(page.progress).toEqual({ done: 1, required: 12 });
    expect(page.saved).toEqual([{ proposalId: round.proposals.P1, criterionId: c.A, score: 7, reason: "Solide" }]);
    // an empty field keeps what was saved; a new value updates in place (upsert)
    await save(alice, { [`score-${c.A}`]: "", [`score-${c.B}`]: "6" });
    await save(alice, { [`score-${c.A}`]: "8" });
    const rows = await ownRows(alice);
    expect(rows.map((r) => [r.criterionId, r.score]).sort()).toEqual(
      [
        [c.A, 8],
        [c.B, 6],
      ].sort(),
    );
    const round1 = await (await callRoute(detail.loader, "/x", { user: alice, params: { id: String(round.roundId) } })).json();
    expect(round1.progress).toEqual({ done: 2, required: 12 });
  });

  it("requires a reason below 3 and above 8 and refuses 11 and abc with field errors", async () => {
    const c = round.criteria;
    const before = await ownRows(alice);
    const response = await save(alice, { [`score-${c.A}`]: "9", [`score-${c.B}`]: "11", [`score-${c.C}`]: "abc" }, round.proposals.P2);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors[`reason-${c.A}`]).toBe("Bei weniger als 3 oder mehr als 8 Punkten ist eine Begründung Pflicht.");
    expect(body.errors[`score-${c.B}`]).toBe("Bitte eine ganze Zahl von 0 bis 10 angeben.");
    expect(body.errors[`score-${c.C}`]).toBe("Bitte eine ganze Zahl von 0 bis 10 angeben.");
    expect(body.submitted[`score-${c.B}`]).toBe("11");
    expect(await ownRows(alice)).toHaveLength(before.length);
  });

  it("refuses a criterion from another round and a proposal from another round", async () => {
    const other = await createOpenRound({ staff, criteria: [["X", 100]], proposals: ["Q1"] });
    const wrongCriterion = await save(alice, { [`score-${other.criteria.X}`]: "5" });
    expect(wrongCriterion.status).toBe(422);
    expect((await wrongCriterion.json()).errors.form).toBe("Dieses Kriterium gehört nicht zu dieser Runde.");
    const wrongProposal = await save(alice, { [`score-${round.criteria.A}`]: "5" }, other.proposals.Q1);
    expect(wrongProposal.status).toBe(422);
    expect((await wrongProposal.json()).errors.form).toBe("Der Eintrag gehört nicht zu dieser Runde.");
  });

  it("keeps one row when two saves of the same score race", async () => {
    const c = round.criteria;
    await Promise.all([
      saveScores({ roundId: round.roundId, proposalId: round.proposals.P3, rater: bob, entries: [{ criterionId: c.A, score: 4, reason: "" }] }),
      saveScores({ roundId: round.roundId, proposalId: round.proposals.P3, rater: bob, entries: [{ criterionId: c.A, score: 6, reason: "" }] }),
    ]);
    const rows = await db
      .select()
      .from(ratingScores)
      .where(and(eq(ratingScores.raterId, bob.id), eq(ratingScores.proposalId, round.proposals.P3)));
    expect(rows).toHaveLength(1);
    expect([4, 6]).toContain(rows[0].score);
  });
});

describe("recusal (Befangenheit)", () => {
  it("removes earlier scores in the same transaction, blocks scoring and lowers the required count", async () => {
    const c = round.criteria;
    await score(round.roundId, bob, round.proposals.P4, c, { A: 5, B: 5 });
    const response = await callRoute(scoring.action, "/x", {
      user: bob,
      params: { id: String(round.roundId) },
      form: { intent: "recuse", proposalId: String(round.proposals.P4), reason: "Beratervertrag mit dem Anbieter" },
    });
    expect(response.status).toBe(302);
    const left = await db
      .select()
      .from(ratingScores)
      .where(and(eq(ratingScores.raterId, bob.id), eq(ratingScores.proposalId, round.proposals.P4)));
    expect(left).toHaveLength(0);
    const refused = await save(bob, { [`score-${c.A}`]: "5" }, round.proposals.P4);
    expect(refused.status).toBe(409);
    expect((await refused.json()).errors.form).toContain("befangen");
    const page = await (await callRoute(scoring.loader, "/x", { user: bob, params: { id: String(round.roundId) } })).json();
    expect(page.progress.required).toBe(9);
    const [audit] = await queryRows<{ details: { removedScores: number } }>(
      db,
      sql`select details from audit_events where action = 'rating_recusal.declared' order by id desc limit 1`,
    );
    expect(audit.details.removedScores).toBe(2);
  });

  it("requires a reason", async () => {
    const response = await callRoute(scoring.action, "/x", {
      user: alice,
      params: { id: String(round.roundId) },
      form: { intent: "recuse", proposalId: String(round.proposals.P4), reason: " " },
    });
    expect(response.status).toBe(422);
    expect((await response.json()).errors.reason).toBeTruthy();
  });
});

describe("blind while open", () => {
  it("never serialises another rater's scores or reasons into any loader", async () => {
    await score(round.roundId, bob, round.proposals.P1, round.criteria, { A: 1, B: 10 });
    const secret = "Begründung 10";
    for (const [user, fn, path] of [
      [alice, scoring.loader, `/x?vorschlag=${round.proposals.P1}`],
      [alice, detail.loader, "/x"],
      [staff, detail.loader, "/x"],
      [admin, detail.loader, "/x"],
      [alice, list.loader, "/x"],
    ] as const) {
      const text = await (await callRoute(fn, path, { user, params: { id: String(round.roundId) } })).text();
      expect(text).not.toContain(secret);
      expect(text).not.toContain(`"score":1,`);
    }
  });

  it("shows staff only who has finished", async () => {
    const solo = await createOpenRound({ staff, criteria: [["A", 100]], proposals: ["P1"] });
    await score(solo.roundId, alice, solo.proposals.P1, solo.criteria, { A: 9 });
    const data = await (await callRoute(detail.loader, "/x", { user: staff, params: { id: String(solo.roundId) } })).json();
    const byName = Object.fromEntries(data.participation.map((p: { name: string; finished: boolean }) => [p.name, p]));
    expect(byName[alice.name]).toEqual({ raterId: alice.id, name: alice.name, finished: true });
    expect(byName[bob.name].finished).toBe(false);
    expect(JSON.stringify(data)).not.toContain("Begründung 9");
    expect(data.progress).toBeNull();
  });
});

describe("closing by date", () => {
  it("counts as closed everywhere once the date passes, without a loader writing", async () => {
    const dated = await createOpenRound({ staff, criteria: [["A", 100]], proposals: ["P1"] });
    await expire(dated.roundId);
    const page = await (await callRoute(detail.loader, "/x", { user: alice, params: { id: String(dated.roundId) } })).json();
    expect(page.round.status).toBe("closed");
    const [stored] = await db.select({ status: ratingRounds.status }).from(ratingRounds).where(eq(ratingRounds.id, dated.roundId));
    expect(stored.status).toBe("open");
    const refused = await save(alice, { [`score-${dated.criteria.A}`]: "5" }, dated.proposals.P1, dated.roundId);
    expect(refused.status).toBe(409);
    const closedByStaff = await callRoute(detail.action, "/x", { user: staff, params: { id: String(dated.roundId) }, form: { intent: "close" } });
    expect(closedByStaff.status).toBe(302);
    const [after] = await db.select().from(ratingRounds).where(eq(ratingRounds.id, dated.roundId));
    expect(after.status).toBe("closed");
    expect(after.closedAt?.getTime()).toBe(after.closesAt?.getTime());
  });

  it("lets the next staff write persist a closure that happened by date", async () => {
    const dated = await createOpenRound({ staff, criteria: [["A", 100]], proposals: ["P1"] });
    await expire(dated.roundId);
    await createDraftRound({ staff, criteria: [["A", 100]], proposals: ["P1"] });
    const [stored] = await db.select().from(ratingRounds).where(eq(ratingRounds.id, dated.roundId));
    expect(stored.status).toBe("closed");
    expect(stored.closedAt?.getTime()).toBe(stored.closesAt?.getTime());
    const [audit] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_events where action = 'rating_round.closed_automatically' and object_id = ${String(dated.roundId)}`,
    );
    expect(audit.n).toBe(1);
  });

  it("refuses scoring a draft round (hidden from experts)", async () => {
    const draftRound = await createDraftRound({ staff, criteria: [["A", 100]], proposals: ["P1"] });
    const response = await save(alice, { [`score-${draftRound.criteria.A}`]: "5" }, draftRound.proposals.P1, draftRound.roundId);
    expect(response.status).toBe(404);
  });
});

describe("dashboard", () => {
  it("lists open rounds with the rater's own progress for experts only", async () => {
    const mine = await listOpenRoundsForRater({ rater: alice });
    const entry = mine.find((r) => r.id === round.roundId)!;
    expect(entry.required).toBe(12);
    expect(entry.done).toBe((await ownRows(alice)).length);
    const forStaff = await (await callRoute(dashboard.loader, "/", { user: staff })).json();
    expect(forStaff.openRatings).toBeNull();
    const forAlice = await (await callRoute(dashboard.loader, "/", { user: alice })).json();
    expect(forAlice.openRatings.map((r: { id: number }) => r.id)).toContain(round.roundId);
  });
});
