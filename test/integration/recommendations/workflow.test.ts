import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, recommendationPapers, recommendations, recommendationVersions, recommendationVotes } from "../../../db/schema";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { auditFor } from "../../support/audit";
import * as detail from "../../../app/routes/empfehlungen.$id._index";
import * as edit from "../../../app/routes/empfehlungen.$id.bearbeiten";
import * as create from "../../../app/routes/empfehlungen.neu";
import * as versions from "../../../app/routes/empfehlungen.$id.versionen";
import { addCoauthor, saveDraft } from "../../../app/recommendations/drafting.server";
import { castVote, closeVote, startVote } from "../../../app/recommendations/voting.server";
import { correctPublished, publishRecommendation } from "../../../app/recommendations/publication.server";
import { createDecided, createDraft, createPaper, draftInput, expectOk, statusOf } from "./recommendation-fixtures";

let staff: TestUser;
let experts: TestUser[];
const inOneWeek = () => new Date(Date.now() + 7 * 24 * 3600_000);

beforeAll(async () => {
  staff = await createUser("staff");
  experts = [];
  for (let i = 0; i < 4; i++) experts.push(await createUser("expert"));
  await createPaper({ reference: "AT/0014/2025" });
  await createPaper({ reference: "ST/0020/2025" });
});

describe("drafting", () => {
  it("creates a draft with linked papers and version 1", async () => {
    const response = await callRoute(create.action, "/empfehlungen/neu", {
      user: experts[0],
      form: { title: "Chatbot pilotieren", summary: "Kurz", body: "Text", papers: "AT/0014/2025, st/0020/2025" },
    });
    expect(response.status).toBe(303);
    const id = Number(response.headers.get("Location")!.split("/").pop());
    const links = await db.select().from(recommendationPapers).where(eq(recommendationPapers.recommendationId, id));
    expect(links).toHaveLength(2);
    expect(await db.select().from(recommendationVersions).where(eq(recommendationVersions.recommendationId, id))).toHaveLength(1);
    const audit = await auditFor("recommendation.created", id);
    expect(audit).toHaveLength(1);
  });

  it("refuses a paper that does not exist with a clear message and writes nothing", async () => {
    const [{ before }] = await db.select({ before: sql<number>`count(*)::int` }).from(recommendations);
    const response = await callRoute(create.action, "/empfehlungen/neu", {
      user: experts[0],
      form: { title: "Titel", body: "Text", papers: "AT/0014/2025, AT/9999/2025" },
    });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("Die Vorlage AT/9999/2025 gibt es nicht.");
    const [{ after }] = await db.select({ after: sql<number>`count(*)::int` }).from(recommendations);
    expect(after).toBe(before);
  });

  it("refuses a malformed reference and an empty title with field errors", async () => {
    const response = await callRoute(create.action, "/empfehlungen/neu", { user: experts[0], form: { title: "", body: "Text", papers: "Chatbot" } });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors.title).toBe("Bitte geben Sie einen Titel ein.");
    expect(body.errors.papers).toContain("kein Aktenzeichen");
  });

  it("keeps every saved version, lets co-authors edit and compares versions as a diff", async () => {
    const [author, coauthor, outsider] = experts;
    const id = await createDraft(author);
    const refused = await saveDraft({ actor: outsider, id, input: draftInput({ body: "Fremd" }), baseVersion: 1 });
    expect(refused).toMatchObject({ ok: false, status: 403 });
    await expectOk(addCoauthor({ actor: author, id, userId: coauthor.id }));
    const saved = await callRoute(edit.action, `/empfehlungen/${id}/bearbeiten`, {
      user: coauthor,
      params: { id: String(id) },
      form: {
        baseVersion: "1",
        title: "Chatbot zunächst pilotieren",
        summary: "",
        body: "Der Digitalbeirat empfiehlt, den Chatbot zunächst für fünf Anfragen zu pilotieren.",
      },
    });
    expect(saved.status).toBe(303);
    const stale = await saveDraft({ actor: author, id, input: draftInput({ body: "Überholt" }), baseVersion: 1 });
    expect(stale).toMatchObject({ ok: false, status: 409 });
    const page = await callRoute(versions.loader, `/empfehlungen/${id}/versionen?von=1&bis=2`, { user: author, params: { id: String(id) } });
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    const body = data.diff.find((d: { field: string }) => d.field === "body").parts;
    expect(body).toContainEqual({ type: "delete", text: "die zehn häufigsten Bürgeranfragen " });
    expect(body).toContainEqual({ type: "insert", text: "fünf Anfragen " });
    const missing = await callRoute(versions.loader, `/empfehlungen/${id}/versionen?von=1&bis=9`, { user: author, params: { id: String(id) } });
    expect(missing.status).toBe(404);
  });
});

describe("vote", () => {
  it("freezes the text voted on: no edits, and the database refuses a direct change", async () => {
    const id = await createDraft(experts[0]);
    await expectOk(startVote({ actor: staff, id, deadline: inOneWeek() }));
    expect(await saveDraft({ actor: experts[0], id, input: draftInput({ body: "Neu" }), baseVersion: 1 })).toMatchObject({ ok: false, status: 409 });
    const page = await callRoute(edit.loader, `/empfehlungen/${id}/bearbeiten`, { user: experts[0], params: { id: String(id) } });
    expect(page.status).toBe(409);
    await expect(db.update(recommendations).set({ body: "heimlich" }).where(eq(recommendations.id, id))).rejects.toThrow();
    await expect(db.update(recommendationVersions).set({ body: "heimlich" }).where(eq(recommendationVersions.recommendationId, id))).rejects.toThrow();
    const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
    expect(row).toMatchObject({ status: "voting", votedVersion: 1 });
  });

  it("turns parallel double submits into one row without an error", async () => {
    const id = await createDraft(experts[0]);
    await expectOk(startVote({ actor: staff, id, deadline: inOneWeek() }));
    const results = await Promise.all([
      callRoute(detail.action, `/empfehlungen/${id}`, { user: experts[1], params: { id: String(id) }, form: { intent: "vote", choice: "ja" } }),
      callRoute(detail.action, `/empfehlungen/${id}`, { user: experts[1], params: { id: String(id) }, form: { intent: "vote", choice: "nein" } }),
      castVote({ actor: experts[1], id, choice: "ja" }),
    ]);
    expect(results.map((r) => (r instanceof Response ? r.status : r.ok))).toEqual([303, 303, true]);
    const rows = await db.select().from(recommendationVotes).where(eq(recommendationVotes.recommendationId, id));
    expect(rows).toHaveLength(1);
  });

  it("lets a member change the vote until the close, hides it from others, and refuses votes after", async () => {
    const id = await createDraft(experts[0]);
    await expectOk(startVote({ actor: staff, id, deadline: inOneWeek() }));
    await expectOk(castVote({ actor: experts[0], id, choice: "nein" }));
    await expectOk(castVote({ actor: experts[0], id, choice: "ja" }));
    await expectOk(castVote({ actor: experts[1], id, choice: "ja" }));
    await expectOk(castVote({ actor: experts[2], id, choice: "befangen", conflictReason: "Arbeitgeber ist Anbieter" }));
    const otherView = await (await callRoute(detail.loader, `/empfehlungen/${id}`, { user: experts[3], params: { id: String(id) } })).json();
    expect(otherView.ownVote).toBeNull();
    expect(otherView.ballots).toBe(3);
    expect(otherView.recusals).toEqual([]);
    expect(otherView.rec.yesCount).toBeNull();
    const ownView = await (await callRoute(detail.loader, `/empfehlungen/${id}`, { user: experts[0], params: { id: String(id) } })).json();
    expect(ownView.ownVote.choice).toBe("ja");
    const closed = await expectOk(closeVote({ actor: staff, id }));
    // 4 experts in this file plus none elsewhere: 2 Ja, 1 befangen → 2 participants ≥ 50 % of 4.
    expect(closed.outcome).toMatchObject({ result: "einstimmig", quorumMet: true });
    const late = await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: experts[3],
      params: { id: String(id) },
      form: { intent: "vote", choice: "nein" },
    });
    expect(late.status).toBe(409);
    expect(JSON.stringify(await late.json())).toContain("Die Abstimmung ist geschlossen");
    const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
    expect(row).toMatchObject({
      status: "adopted",
      result: "einstimmig",
      yesCount: 2,
      noCount: 0,
      abstainCount: 0,
      recusedCount: 1,
      eligibleCount: 4,
      quorumRequired: 2,
    });
  });

  it("stores a missed quorum as not adopted and refuses to publish it", async () => {
    const id = await createDraft(experts[0]);
    await expectOk(startVote({ actor: staff, id, deadline: inOneWeek() }));
    await expectOk(castVote({ actor: experts[0], id, choice: "ja" }));
    await expectOk(closeVote({ actor: staff, id }));
    const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
    expect(row).toMatchObject({ status: "rejected", result: "abgelehnt", rejectionReason: "quorum", quorumMet: false });
    const response = await callRoute(detail.action, `/empfehlungen/${id}`, { user: staff, params: { id: String(id) }, form: { intent: "publish" } });
    expect(response.status).toBe(409);
    expect(JSON.stringify(await response.json())).toContain("abgelehnte Empfehlung kann nicht veröffentlicht werden");
  });

  it("refuses a deadline in the past and a vote without deadline or meeting", async () => {
    const id = await createDraft(experts[0]);
    const past = await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: staff,
      params: { id: String(id) },
      form: { intent: "start-vote", deadline: "2020-01-01T10:00" },
    });
    expect(past.status).toBe(422);
    const none = await callRoute(detail.action, `/empfehlungen/${id}`, {
      user: staff,
      params: { id: String(id) },
      form: { intent: "start-vote", deadline: "" },
    });
    expect(none.status).toBe(422);
    expect(await statusOf(id)).toBe("draft");
  });
});

describe("illegal transitions through the models", () => {
  it("refuses each with 409 and leaves the status unchanged", async () => {
    const draft = await createDraft(experts[0]);
    expect(await publishRecommendation({ actor: staff, id: draft, isPublic: true })).toMatchObject({ ok: false, status: 409 });
    expect(await closeVote({ actor: staff, id: draft })).toMatchObject({ ok: false, status: 409 });
    expect(await castVote({ actor: experts[0], id: draft, choice: "ja" })).toMatchObject({ ok: false, status: 409 });
    expect(await correctPublished({ actor: staff, id: draft, input: draftInput(), note: "x" })).toMatchObject({ ok: false, status: 409 });
    expect(await statusOf(draft)).toBe("draft");
    const published = await createDecided({ author: experts[0], staff, voters: experts }, { isPublic: false });
    expect(await startVote({ actor: staff, id: published, deadline: inOneWeek() })).toMatchObject({ ok: false, status: 409 });
    expect(await publishRecommendation({ actor: staff, id: published, isPublic: true })).toMatchObject({ ok: false, status: 409 });
    expect(await saveDraft({ actor: staff, id: published, input: draftInput({ body: "neu" }), baseVersion: 1 })).toMatchObject({ ok: false, status: 409 });
    expect(await statusOf(published)).toBe("published");
  });

  it("numbers published recommendations and keeps the published text unless corrected with a note", async () => {
    const id = await createDecided({ author: experts[0], staff, voters: experts }, { isPublic: true });
    const [row] = await db.select().from(recommendations).where(eq(recommendations.id, id));
    expect(row.reference).toMatch(/^EM\/\d{4}\/\d{4}$/);
    expect(row.publishedVersion).toBe(1);
    await expect(db.update(recommendations).set({ body: "still geändert" }).where(eq(recommendations.id, id))).rejects.toThrow();
    const corrected = await expectOk(
      correctPublished({
        actor: staff,
        id,
        input: { title: row.title, summary: row.summary, body: `${row.body} (berichtigt)` },
        note: "Tippfehler im Text berichtigt.",
      }),
    );
    expect(corrected.version).toBe(2);
    const page = await (await callRoute(detail.loader, `/empfehlungen/${id}`, { user: null, params: { id: String(id) } })).json();
    expect(page.corrections).toEqual([expect.objectContaining({ number: 2, note: "Tippfehler im Text berichtigt." })]);
    expect(page.html).toContain("(berichtigt)");
    const actions = (
      await db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.objectId, String(id)))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "recommendation.created",
        "recommendation.vote_started",
        "recommendation.vote_cast",
        "recommendation.vote_closed",
        "recommendation.published",
        "recommendation.corrected",
      ]),
    );
  });

  it("gives the second of two parallel publishes a 409, not a second number", async () => {
    const id = await createDecided({ author: experts[0], staff, voters: experts });
    const results = await Promise.all([
      publishRecommendation({ actor: staff, id, isPublic: false }),
      publishRecommendation({ actor: staff, id, isPublic: false }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ status: 409 });
  });
});
