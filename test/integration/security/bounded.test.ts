// Classes 4 (repetition), 5 (costly search) and 8 (recusal reasons) through loaders and actions.
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, getDatabaseHandle } from "../../../db/client.server";
import { auditEvents, comments, meetingAttendees, ratingKnockoutChecks, topicFields, topics } from "../../../db/schema";
import * as setupRoute from "../../../app/routes/bewertungsrunden.$id.einrichten";
import * as minutesRoute from "../../../app/routes/sitzungen.$id.protokoll";
import * as searchRoute from "../../../app/routes/suche";
import * as recommendationRoute from "../../../app/routes/empfehlungen.$id._index";
import * as printRoute from "../../../app/routes/empfehlungen.$id.druck";
import { addKnockout } from "../../../app/ratings/setup.server";
import { castVote, closeVote, startVote } from "../../../app/recommendations/voting.server";
import { publishRecommendation } from "../../../app/recommendations/publication.server";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createDraftRound } from "../ratings/rating-fixtures";
import { insertMeeting } from "../meetings/meeting-helpers";
import { createDraft, expectOk } from "../recommendations/recommendation-fixtures";
import { MAX_FORM_FIELDS, MAX_REPEATED_FIELD } from "../../../app/lib/fields";

describe("4. unbounded repetition in staff forms", () => {
  it("refuses 10,000 knock-out check fields quickly, writing nothing", async () => {
    const staff = await createUser("staff");
    const { roundId, proposals } = await createDraftRound({ staff, criteria: [["A", 100]], proposals: ["P1", "P2"] });
    const knockoutId = await addKnockout({ roundId, input: { title: "Hosting in der EU", description: "" }, actor: staff });
    const fields: Record<string, string> = { intent: "save-checks" };
    for (let i = 0; i < 10_000; i++) fields[`check-${proposals.P1}-${knockoutId + i}`] = "ja";
    const started = Date.now();
    const response = await callRoute(setupRoute.action, `/bewertungsrunden/${roundId}/einrichten`, {
      user: staff,
      params: { id: String(roundId) },
      form: fields,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("zu viele Felder");
    const rows = await db.select().from(ratingKnockoutChecks).where(eq(ratingKnockoutChecks.roundId, roundId));
    expect(rows).toHaveLength(0);
  });

  it("refuses a list longer than the bound even under the total field limit", async () => {
    const staff = await createUser("staff");
    const meeting = await insertMeeting({ state: "durchgefuehrt" });
    const response = await callRoute(minutesRoute.action, `/sitzungen/${meeting.id}/protokoll`, {
      user: staff,
      params: { id: String(meeting.id) },
      form: { intent: "attendance", userIds: Array.from({ length: MAX_REPEATED_FIELD + 1 }, (_, i) => String(i + 1)) },
    });
    expect(response.status).toBe(413);
    expect(await db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meeting.id))).toHaveLength(0);
  });

  it("still saves every legitimate check of a round, and its audit row names pairs, not the raw form", async () => {
    const staff = await createUser("staff");
    const { roundId, proposals } = await createDraftRound({ staff, criteria: [["A", 100]], proposals: ["P1", "P2", "P3"] });
    const k1 = await addKnockout({ roundId, input: { title: "EU", description: "" }, actor: staff });
    const k2 = await addKnockout({ roundId, input: { title: "AVV", description: "" }, actor: staff });
    const fields: Record<string, string> = { intent: "save-checks" };
    for (const p of Object.values(proposals)) for (const k of [k1, k2]) fields[`check-${p}-${k}`] = p === proposals.P2 && k === k2 ? "nein" : "ja";
    const response = await callRoute(setupRoute.action, `/bewertungsrunden/${roundId}/einrichten`, {
      user: staff,
      params: { id: String(roundId) },
      form: fields,
    });
    expect(response.status).toBe(302);
    const rows = await db.select().from(ratingKnockoutChecks).where(eq(ratingKnockoutChecks.roundId, roundId));
    expect(rows).toHaveLength(6);
    expect(rows.filter((row) => !row.passed).map((row) => [row.proposalId, row.knockoutId])).toEqual([[proposals.P2, k2]]);
    // Pairs outside the round are refused, not silently written.
    const foreign = await callRoute(setupRoute.action, `/bewertungsrunden/${roundId}/einrichten`, {
      user: staff,
      params: { id: String(roundId) },
      form: { intent: "save-checks", [`check-${proposals.P1}-${k1 + 1000}`]: "ja" },
    });
    expect(foreign.status).toBe(422);
  });

  it("bounds every form read at the edge", () => {
    expect(MAX_FORM_FIELDS).toBeLessThanOrEqual(1_000);
    expect(MAX_REPEATED_FIELD).toBeLessThanOrEqual(MAX_FORM_FIELDS);
  });
});

describe("5. costly search", () => {
  it("uses at most 8 terms, drops terms that cannot match usefully, and says so", async () => {
    const author = await createUser("expert");
    const [field] = await db.insert(topicFields).values({ name: "Künstliche Intelligenz" }).returning();
    const [topic] = await db
      .insert(topics)
      .values({
        fieldId: field.id,
        title: "Chatbot Schängel",
        slug: `chatbot-${Date.now()}`,
        body: "Ein Chatbot für die Verwaltung",
        visibility: "public",
        authorId: author.id,
      })
      .returning();
    await db.insert(comments).values({ topicId: topic.id, authorId: author.id, body: "Datenschutz beim Chatbot" });
    const words = "a or b or c or d or e or f or g or h or i or j or k or l or m or n or o or p or q or r or s or t or u or v or w or x or y or z";
    const query = `${words} or Chatbot or ${"ab or ".repeat(20)}`.slice(0, 200);
    const response = await callRoute(searchRoute.loader, `/suche?q=${encodeURIComponent(query)}`);
    expect(response.status).toBe(200);
    const data = await jsonOf(response);
    expect(data.terms.length).toBeLessThanOrEqual(8);
    expect(data.terms.every((term: string) => term.replace(/^-/, "").length >= 2)).toBe(true);
    expect(data.notice).toMatch(/Suchbegriffe/);
    expect(data.hits.some((hit: { title: string }) => hit.title === "Chatbot Schängel")).toBe(true);
  });

  it("still takes quoted phrases, exclusions and an ordinary query unchanged", async () => {
    const response = await callRoute(searchRoute.loader, `/suche?q=${encodeURIComponent('"KI Plattform" -Aleph Chatbot')}`);
    const data = await jsonOf(response);
    expect(data.terms).toEqual(['"KI Plattform"', "-Aleph", "Chatbot"]);
    expect(data.notice).toBeNull();
  });

  it("a query with only unusable terms finds nothing, quickly, without touching the database", async () => {
    const response = await callRoute(searchRoute.loader, `/suche?q=${encodeURIComponent("a or b or c or -d or e")}`);
    const data = await jsonOf(response);
    expect(data.terms).toEqual([]);
    expect(data.total).toBe(0);
    expect(data.notice).toMatch(/Suchbegriffe/);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "on PostgreSQL a search over its time budget ends with a German message (PGlite ignores statement_timeout)",
    async () => {
      const { withSearchTimeout, SearchTimeoutError } = await import("../../../app/search/search.server");
      expect(getDatabaseHandle().kind).toBe("postgres");
      await expect(withSearchTimeout(50, (tx: typeof db) => tx.execute(sql`select pg_sleep(0.5)`))).rejects.toBeInstanceOf(SearchTimeoutError);
      const fine = await withSearchTimeout(2_000, (tx: typeof db) => tx.execute(sql`select 1 as one`));
      expect(fine).toBeDefined();
    },
  );
});

describe("8. recusals on published recommendations", () => {
  it("shows visitors and council members the names only, never the reason", async () => {
    const [author, staff, expert, recused, council] = await Promise.all([
      createUser("expert"),
      createUser("staff"),
      createUser("expert"),
      createUser("expert", { name: "Befangene Person" }),
      createUser("council"),
    ]);
    const id = await createDraft(author);
    await expectOk(startVote({ actor: staff, id, deadline: new Date(Date.now() + 7 * 86_400_000) }));
    await expectOk(castVote({ actor: expert, id, choice: "ja" }));
    await expectOk(castVote({ actor: author, id, choice: "ja" }));
    await expectOk(castVote({ actor: recused, id, choice: "befangen", conflictReason: "Geheimer Grund: Beratervertrag" }));
    await expectOk(closeVote({ actor: staff, id }));
    await expectOk(publishRecommendation({ actor: staff, id, isPublic: true }));
    for (const reader of [null, council]) {
      for (const route of [recommendationRoute, printRoute]) {
        const response = await callRoute(route.loader, `/empfehlungen/${id}`, { user: reader, params: { id: String(id) } });
        expect(response.status).toBe(200);
        const text = await response.text();
        expect(text).toContain("Befangene Person");
        expect(text).not.toContain("Beratervertrag");
        expect(text).not.toMatch(/"reason"/);
      }
    }
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, String(id)), eq(auditEvents.action, "recommendation.conflict_declared")));
    expect(events).toHaveLength(1);
  });
});
