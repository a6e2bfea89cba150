import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, startCountingQueries, stopCountingQueries } from "../../../db/client.server";
import { commitmentEntries, commitments } from "../../../db/schema";
import * as dashboard from "../../../app/routes/_index";
import * as recommendationPage from "../../../app/routes/empfehlungen.$id._index";
import * as followUp from "../../../app/routes/empfehlungen.$id.umsetzung";
import * as accountability from "../../../app/routes/umsetzung._index";
import * as atom from "../../../app/routes/umsetzung[.]atom";
import * as csv from "../../../app/routes/umsetzung[.]csv";
import * as newCommitment from "../../../app/routes/zusagen.neu";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { follow, linesFor } from "../notifications/helpers";
import { createDecided, createPaper, createPublishedOnPapers } from "../recommendations/recommendation-fixtures";
import { commitmentRow, postToCommitment, PROMISE, readCommitment, recordCommitment } from "./commitment-fixtures";

let users: Awaited<ReturnType<typeof createUsersForAllRoles>>;
let expert2: TestUser;
let recommendationId: number;
let commitmentId: number;

beforeAll(async () => {
  users = await createUsersForAllRoles();
  expert2 = await createUser("expert");
  recommendationId = await createPublishedOnPapers({ author: users.expert, staff: users.staff, voters: [users.expert, expert2] }, [
    { reference: "AT/0014/2025", decided: true },
    { reference: "ST/0020/2025" },
  ]);
});

const followUpAction = (user: TestUser | null, form: Record<string, string>) =>
  callRoute(followUp.action, `/empfehlungen/${recommendationId}/umsetzung`, { user, params: { id: String(recommendationId) }, form });

describe("commitments (Zusagen)", () => {
  it("records a commitment from a paper passage; bad input is refused in German and writes nothing", async () => {
    const form = { ...PROMISE, sourcePaper: "ST/0020/2025", recommendationIds: [String(recommendationId)], dueDate: "2025-03-31" };
    expect((await callRoute(newCommitment.action, "/zusagen/neu", { user: users.council, form })).status).toBe(403);
    expect((await callRoute(newCommitment.action, "/zusagen/neu", { user: null, form })).status).toBe(302);
    const missing = await callRoute(newCommitment.action, "/zusagen/neu", { user: users.staff, form: { ...form, title: " " } });
    expect(missing.status).toBe(422);
    expect((await jsonOf(missing)).errors.title).toContain("Kurztitel");
    const unknownPaper = await callRoute(newCommitment.action, "/zusagen/neu", { user: users.staff, form: { ...form, sourcePaper: "ST/9999/2025" } });
    expect((await jsonOf(unknownPaper)).errors.sourcePaper).toBe("Diese Vorlage gibt es nicht.");
    const noSource = await callRoute(newCommitment.action, "/zusagen/neu", { user: users.staff, form: { ...form, sourcePaper: "" } });
    expect((await jsonOf(noSource)).errors.sourcePaper).toContain("Quelle");
    const badDate = await callRoute(newCommitment.action, "/zusagen/neu", { user: users.staff, form: { ...form, dueDate: "2025-02-31x" } });
    expect(badDate.status).toBe(422);
    expect(await db.select().from(commitments)).toEqual([]);

    commitmentId = await recordCommitment(users.staff, form);
    expect(await commitmentRow(commitmentId)).toMatchObject({ status: "offen", dueText: "in den nächsten Wochen", dueDate: "2025-03-31", isPublic: false });
    const page = await jsonOf(await readCommitment(users.expert, commitmentId));
    expect(page.commitment).toMatchObject({ paper: { reference: "ST/0020/2025" }, sourcePassage: "Abschnitt 1. Chatbots", overdue: true });
    expect(page.commitment.recommendations.map((r: { id: number }) => r.id)).toEqual([recommendationId]);
    expect(page.commitment.entries).toHaveLength(1);
  });

  it("keeps a dated, append-only history: experts change the status and comment, staff post the administration's news", async () => {
    await follow(users.council, "recommendation", recommendationId);
    const status = { intent: "status", toStatus: "in_arbeit", note: "Termin mit dem Anbieter steht.", source: "Einladung 5. Sitzung" };
    expect((await postToCommitment(users.council, commitmentId, status)).status).toBe(403);
    expect((await postToCommitment(null, commitmentId, status)).status).toBe(302);
    expect((await postToCommitment(users.expert, commitmentId, status)).status).toBe(303);
    const again = await postToCommitment(users.expert, commitmentId, status);
    expect(again.status).toBe(422);
    expect((await jsonOf(again)).errors.toStatus).toBe("Die Zusage hat diesen Stand bereits.");
    expect((await postToCommitment(users.expert, commitmentId, { intent: "update", note: "Meldung" })).status).toBe(403);
    expect((await postToCommitment(users.staff, commitmentId, { intent: "update", note: "Vorstellung am 12.03.", source: "Mail des Amts" })).status).toBe(303);
    expect((await postToCommitment(users.expert, commitmentId, { intent: "comment", note: "Intern: Testfragen sammeln." })).status).toBe(303);
    expect((await postToCommitment(users.staff, commitmentId, { intent: "status", toStatus: "fertig", note: "x" })).status).toBe(422);
    expect((await postToCommitment(users.staff, commitmentId, { intent: "unbekannt" })).status).toBe(400);
    const entries = (await jsonOf(await readCommitment(users.staff, commitmentId))).commitment.entries;
    expect(entries.map((e: { kind: string; toStatus: string | null }) => [e.kind, e.toStatus])).toEqual([
      ["status", "offen"],
      ["status", "in_arbeit"],
      ["update", null],
      ["comment", null],
    ]);
    await expect(db.update(commitmentEntries).set({ note: "geändert" }).where(eq(commitmentEntries.commitmentId, commitmentId))).rejects.toThrow();
    // The recorder hears of the change; the council member follows the recommendation but may not see an internal commitment.
    expect(await linesFor(users.staff, "commitment.status")).toHaveLength(1);
    expect(await linesFor(users.council, "commitment.status")).toHaveLength(0);
  });

  it("shows a commitment outside the board only when staff mark it public and its recommendation or paper is visible", async () => {
    expect((await readCommitment(users.council, commitmentId)).status).toBe(404);
    expect((await readCommitment(null, commitmentId)).status).toBe(404);
    expect((await postToCommitment(users.expert, commitmentId, { intent: "visibility", isPublic: "true" })).status).toBe(403);
    expect((await postToCommitment(users.staff, commitmentId, { intent: "visibility", isPublic: "true" })).status).toBe(303);
    const visitorView = await jsonOf(await readCommitment(null, commitmentId));
    expect(visitorView.commitment.entries.map((e: { kind: string }) => e.kind)).toEqual(["status", "status", "update"]); // no internal comment
    expect(visitorView.commitment.entries.every((e: { authorName: string | null }) => e.authorName === null)).toBe(true);
    expect((await readCommitment(users.council, commitmentId)).status).toBe(200);
    // A commitment of a council-only recommendation on an internal paper: council members yes, visitors no.
    const internalPaper = await createPaper({ isPublic: false });
    const councilOnly = await createDecided({ author: users.expert, staff: users.staff, voters: [users.expert, expert2] }, { isPublic: false });
    const hidden = await recordCommitment(users.staff, { sourcePaper: internalPaper.reference, recommendationIds: [String(councilOnly)] });
    await postToCommitment(users.staff, hidden, { intent: "visibility", isPublic: "true" });
    expect((await readCommitment(users.council, hidden)).status).toBe(200);
    expect((await readCommitment(null, hidden)).status).toBe(404);
    // Now public, the council member following the recommendation hears of the next change.
    expect((await postToCommitment(users.staff, commitmentId, { intent: "status", toStatus: "erledigt", note: "Vorstellung hat stattgefunden." })).status).toBe(
      303,
    );
    expect(await linesFor(users.council, "commitment.status")).toHaveLength(1);
  });

  it("lets the board set the outcome and shows one timeline: papers, vote, council, commitments, outcome", async () => {
    expect((await followUpAction(users.council, { intent: "outcome", outcome: "umgesetzt" })).status).toBe(403);
    expect((await followUpAction(users.expert, { intent: "outcome", outcome: "fast" })).status).toBe(422);
    expect((await followUpAction(users.expert, { intent: "outcome", outcome: "teilweise", note: "Pilot läuft" })).status).toBe(303);
    const page = await jsonOf(await callRoute(recommendationPage.loader, `/empfehlungen/${recommendationId}`, { params: { id: String(recommendationId) } }));
    const kinds = page.timeline.events.map((e: { kind: string }) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(["paper", "paper"]);
    for (const kind of ["vote", "published", "consultation", "commitment", "outcome"]) expect(kinds).toContain(kind);
    expect(page.timeline.councilDecision).toMatchObject({ body: "Stadtrat", reference: "AT/0014/2025", result: "mehrheitlich" });
    expect(page.timeline.commitments).toEqual([expect.objectContaining({ id: commitmentId, status: "erledigt", overdue: false })]);
    expect(page.timeline.outcome).toMatchObject({ outcome: "teilweise", note: "Pilot läuft" });
    expect(
      (await callRoute(followUp.loader, `/empfehlungen/${recommendationId}/umsetzung`, { user: users.council, params: { id: String(recommendationId) } }))
        .status,
    ).toBe(403);
  });

  it("lists the public status on /umsetzung with Atom and a formula-defused CSV, in a fixed number of statements", async () => {
    const visitorPage = await jsonOf(await callRoute(accountability.loader, "/umsetzung"));
    expect(visitorPage.items.map((i: { id: number }) => i.id)).toEqual([recommendationId]);
    const tricky = await recordCommitment(users.staff, {
      title: '=HYPERLINK("http://x")',
      sourcePaper: "ST/0020/2025",
      recommendationIds: [String(recommendationId)],
    });
    await postToCommitment(users.staff, tricky, { intent: "visibility", isPublic: "true" });
    const file = await (await callRoute(csv.loader, "/umsetzung.csv")).text();
    expect(file).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(file).toContain("Vorstellung einer Chatbot-Variante;10-Amt für Personal und Organisation");
    const feed = await callRoute(atom.loader, "/umsetzung.atom");
    expect(feed.headers.get("Content-Type")).toContain("application/atom+xml");
    const xml = await feed.text();
    expect(xml).toContain("Zusage „Vorstellung einer Chatbot-Variante“: erledigt");
    expect(xml).not.toContain("Intern: Testfragen");
    // One query per kind: more commitments and recommendations do not add statements.
    const count = async () => {
      startCountingQueries();
      await callRoute(accountability.loader, "/umsetzung", { user: users.council });
      return stopCountingQueries()!.count;
    };
    const before = await count();
    for (let i = 0; i < 3; i++) {
      const id = await createDecided(
        { author: users.expert, staff: users.staff, voters: [users.expert, expert2] },
        { isPublic: true },
        { papers: ["ST/0020/2025"] },
      );
      const extra = await recordCommitment(users.staff, { sourcePaper: "ST/0020/2025", recommendationIds: [String(id)] });
      await postToCommitment(users.staff, extra, { intent: "visibility", isPublic: "true" });
    }
    expect(await count()).toBe(before);
  });

  it("marks overdue commitments on the board's dashboard only", async () => {
    const overdue = await recordCommitment(users.staff, { title: "Bericht im HFA", sourcePaper: "ST/0020/2025", dueDate: "2020-01-01" });
    const board = await jsonOf(await callRoute(dashboard.loader, "/", { user: users.expert }));
    expect(board.overdueCommitments.map((c: { id: number }) => c.id)).toContain(overdue);
    expect(board.overdueCommitments.map((c: { id: number }) => c.id)).not.toContain(commitmentId); // done
    expect((await jsonOf(await callRoute(dashboard.loader, "/", { user: users.council }))).overdueCommitments).toBeNull();
  });

  it("links a commitment recorded before the recommendation existed", async () => {
    const early = await recordCommitment(users.staff, { title: "Früh erfasst", sourcePaper: "ST/0020/2025" });
    const link = { intent: "link", recommendationId: String(recommendationId) };
    expect((await postToCommitment(users.council, early, link)).status).toBe(403);
    const unknown = await postToCommitment(users.expert, early, { intent: "link", recommendationId: "999999" });
    expect(unknown.status).toBe(422);
    expect((await jsonOf(unknown)).errors.recommendationId).toBe("Eine der gewählten Empfehlungen gibt es nicht.");
    expect((await postToCommitment(users.expert, early, link)).status).toBe(303);
    expect((await postToCommitment(users.expert, early, link)).status).toBe(303); // a second time changes nothing
    const board = await jsonOf(
      await callRoute(followUp.loader, `/empfehlungen/${recommendationId}/umsetzung`, { user: users.expert, params: { id: String(recommendationId) } }),
    );
    expect(board.timeline.commitments.filter((c: { id: number }) => c.id === early)).toHaveLength(1);
  });
});
