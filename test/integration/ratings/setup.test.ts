import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { ratingCriteria, ratingKnockoutChecks, ratingKnockouts, ratingProposals, ratingRounds } from "../../../db/schema";
import * as create from "../../../app/routes/bewertungsrunden.neu";
import * as setup from "../../../app/routes/bewertungsrunden.$id.einrichten";
import * as detail from "../../../app/routes/bewertungsrunden.$id._index";
import { auditFor } from "../../support/audit";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { createDraftRound } from "./rating-fixtures";

let staff: TestUser;
beforeAll(async () => {
  staff = await createUser("staff");
});

const post = (roundId: number, form: Record<string, string>) => callRoute(setup.action, "/x", { user: staff, params: { id: String(roundId) }, form });

describe("setting up a round through the forms", () => {
  it("creates a round, adds proposals with fact sheet, criteria, weights and knock-out checks, then opens it", async () => {
    const created = await callRoute(create.action, "/bewertungsrunden/neu", {
      user: staff,
      form: { title: "Chatbot-Anbieter 2026", description: "", topicId: "", rankingMethod: "median" },
    });
    expect(created.status).toBe(302);
    const roundId = Number(/\/bewertungsrunden\/(\d+)\/einrichten/.exec(created.headers.get("Location")!)![1]);
    expect(
      (
        await post(roundId, {
          intent: "add-proposal",
          title: "Angebot A",
          vendor: "Rheinland Dialog GmbH",
          summary: "**gut**",
          hostingLocation: "Köln",
          avvAvailable: "ja",
          bsiC5: "nein",
          iso27001: "",
        })
      ).status,
    ).toBe(302);
    expect((await post(roundId, { intent: "add-proposal", title: "Angebot B", vendor: "KommunalBot AG" })).status).toBe(302);
    const [a] = await db.select().from(ratingProposals).where(eq(ratingProposals.title, "Angebot A"));
    expect(a).toMatchObject({ hostingLocation: "Köln", avvAvailable: true, bsiC5: false, iso27001: null, summary: "**gut**" });
    expect((await post(roundId, { intent: "add-criterion", title: "Datenschutz", weight: "70", scaleDescription: "0 = schlecht" })).status).toBe(302);
    expect((await post(roundId, { intent: "add-criterion", title: "Kosten", weight: "20" })).status).toBe(302);
    const criteria = await db.select().from(ratingCriteria).where(eq(ratingCriteria.roundId, roundId));
    const byTitle = Object.fromEntries(criteria.map((c) => [c.title, c.id]));
    const tooEarly = await callRoute(detail.action, "/x", {
      user: staff,
      params: { id: String(roundId) },
      form: { intent: "open", closesAt: "2099-01-01T10:00" },
    });
    expect(tooEarly.status).toBe(422);
    expect((await post(roundId, { intent: "save-weights", [`weight-${byTitle.Datenschutz}`]: "60", [`weight-${byTitle.Kosten}`]: "40" })).status).toBe(302);
    expect((await post(roundId, { intent: "add-knockout", title: "AVV vorhanden" })).status).toBe(302);
    const opening = await callRoute(detail.action, "/x", {
      user: staff,
      params: { id: String(roundId) },
      form: { intent: "open", closesAt: "2099-01-01T10:00" },
    });
    expect(opening.status).toBe(422);
    expect((await opening.json()).errors.form).toBe("Bitte prüfen Sie zuerst jeden Vorschlag gegen jedes Ausschlusskriterium.");
    const setupData = await (await callRoute(setup.loader, "/x", { user: staff, params: { id: String(roundId) } })).json();
    const knockoutId = setupData.setup.knockouts[0].id;
    const checks = Object.fromEntries(
      setupData.setup.proposals.map((p: { id: number; title: string }) => [`check-${p.id}-${knockoutId}`, p.title === "Angebot B" ? "nein" : "ja"]),
    );
    expect((await post(roundId, { intent: "save-checks", ...checks })).status).toBe(302);
    expect(await db.select().from(ratingKnockoutChecks).where(eq(ratingKnockoutChecks.roundId, roundId))).toHaveLength(2);
    const opened = await callRoute(detail.action, "/x", {
      user: staff,
      params: { id: String(roundId) },
      form: { intent: "open", closesAt: "2099-01-01T10:00" },
    });
    expect(opened.status).toBe(302);
    const [round] = await db.select().from(ratingRounds).where(eq(ratingRounds.id, roundId));
    expect(round.status).toBe("open");
    expect(round.closesAt?.toISOString()).toBe("2099-01-01T09:00:00.000Z");
  });

  it("answers bad input with German field errors and writes nothing", async () => {
    const draft = await createDraftRound({
      staff,
      criteria: [
        ["A", 50],
        ["B", 50],
      ],
      proposals: ["P1"],
    });
    const noTitle = await post(draft.roundId, { intent: "add-proposal", title: "", vendor: "x" });
    expect(noTitle.status).toBe(400);
    const body = await noTitle.json();
    expect(body.intent).toBe("add-proposal");
    expect(body.errors.title).toBe("Bitte geben Sie 2 bis 200 Zeichen ein.");
    expect(body.errors.vendor).toBeTruthy();
    const badWeight = await post(draft.roundId, { intent: "add-criterion", title: "Kosten", weight: "101" });
    expect(badWeight.status).toBe(400);
    expect((await badWeight.json()).errors.weight).toBe("Bitte eine ganze Zahl von 0 bis 100 angeben.");
    const abc = await post(draft.roundId, { intent: "save-weights", [`weight-${draft.criteria.A}`]: "abc", [`weight-${draft.criteria.B}`]: "50" });
    expect(abc.status).toBe(422);
    const other = await createDraftRound({ staff, criteria: [["X", 100]], proposals: [] });
    const foreign = await post(draft.roundId, {
      intent: "save-weights",
      [`weight-${draft.criteria.A}`]: "50",
      [`weight-${draft.criteria.B}`]: "50",
      [`weight-${other.criteria.X}`]: "0",
    });
    expect(foreign.status).toBe(422);
    const duplicate = await post(draft.roundId, { intent: "add-proposal", title: "P1", vendor: "Noch einmal" });
    expect(duplicate.status).toBe(409);
    expect((await post(draft.roundId, { intent: "delete-criterion:999999" })).status).toBe(404);
    expect((await post(draft.roundId, { intent: "unsinn" })).status).toBe(400);
    expect((await callRoute(create.action, "/x", { user: staff, form: { title: "ab", rankingMethod: "modus" } })).status).toBe(400);
    const weights = await db.select({ w: ratingCriteria.weight }).from(ratingCriteria).where(eq(ratingCriteria.roundId, draft.roundId));
    expect(weights.map((w) => w.w)).toEqual([50, 50]);
    expect(await db.select().from(ratingProposals).where(eq(ratingProposals.roundId, draft.roundId))).toHaveLength(1);
  });

  it("deletes one proposal, criterion or knock-out criterion of a draft, audited; a row of another round is a 404", async () => {
    const draft = await createDraftRound({ staff, criteria: [["A", 100]], proposals: ["P1", "P2"], knockout: { title: "AVV", failing: [] } });
    const other = await createDraftRound({ staff, criteria: [["X", 100]], proposals: ["Q1"], knockout: { title: "AVV", failing: [] } });
    const [knockout] = await db.select().from(ratingKnockouts).where(eq(ratingKnockouts.roundId, draft.roundId));
    const [foreignKnockout] = await db.select().from(ratingKnockouts).where(eq(ratingKnockouts.roundId, other.roundId));
    const foreignProposal = await post(draft.roundId, { intent: "delete-proposal", itemId: String(other.proposals.Q1) });
    expect(foreignProposal.status).toBe(404);
    expect((await foreignProposal.json()).errors.form).toBe("Diesen Vorschlag gibt es in dieser Runde nicht.");
    for (const intent of [`delete-criterion:${other.criteria.X}`, `delete-knockout:${foreignKnockout.id}`]) {
      const refused = await post(draft.roundId, { intent });
      expect(refused.status).toBe(404);
      expect((await refused.json()).errors.form).toBe("Dieses Kriterium gehört nicht zu dieser Runde.");
    }
    expect((await post(draft.roundId, { intent: "delete-proposal", itemId: String(draft.proposals.P1) })).status).toBe(302);
    expect((await post(draft.roundId, { intent: `delete-criterion:${draft.criteria.A}` })).status).toBe(302);
    expect((await post(draft.roundId, { intent: `delete-knockout:${knockout.id}` })).status).toBe(302);
    expect((await db.select().from(ratingProposals).where(eq(ratingProposals.roundId, draft.roundId))).map((p) => p.title)).toEqual(["P2"]);
    expect(await db.select().from(ratingCriteria).where(eq(ratingCriteria.roundId, draft.roundId))).toEqual([]);
    expect(await db.select().from(ratingKnockouts).where(eq(ratingKnockouts.roundId, draft.roundId))).toEqual([]);
    expect(await db.select().from(ratingProposals).where(eq(ratingProposals.roundId, other.roundId))).toHaveLength(1);
    const details = async (action: string) => (await auditFor(action, draft.roundId)).map((event) => event.details);
    expect(await details("rating_proposal.deleted")).toEqual([{ proposalId: draft.proposals.P1, title: "P1" }]);
    expect(await details("rating_criterion.deleted")).toEqual([{ criterionId: draft.criteria.A }]);
    expect(await details("rating_knockout.deleted")).toEqual([{ knockoutId: knockout.id }]);
  });

  it("deletes a draft with everything in it", async () => {
    const draft = await createDraftRound({ staff, criteria: [["A", 100]], proposals: ["P1"], knockout: { title: "AVV", failing: [] } });
    const response = await callRoute(detail.action, "/x", { user: staff, params: { id: String(draft.roundId) }, form: { intent: "delete" } });
    expect(response.status).toBe(302);
    expect(await db.select().from(ratingRounds).where(eq(ratingRounds.id, draft.roundId))).toHaveLength(0);
  });
});
