import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { consultations, councilMeetings, meetings, organizations, papers, recommendationPapers } from "../../../db/schema";
import { runQueuedSyncs } from "../../../app/oparl/import/runs.server";
import * as adminOparl from "../../../app/routes/admin.oparl";
import * as oparlRoute from "../../../app/routes/oparl.v1.$";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { createPublishedOnPapers } from "../recommendations/recommendation-fixtures";
import { lastSyncRun, startFixtureRis, type FixtureRis } from "./fixture-ris";
import { validateListPage, validateOparlObject } from "./oparl-schema";

let ris: FixtureRis;
let users: Awaited<ReturnType<typeof createUsersForAllRoles>>;
let expert: TestUser;
let recommendationId: number;
const WORKER = { backoffMs: 5, retries: 2, timeoutMs: 5000 };

const oparl = async (path: string) => jsonOf(await callRoute(oparlRoute.loader, `/oparl/v1/${path}`, { params: { "*": path.split("?")[0] } }));
const paperBy = async (reference: string) => (await db.select().from(papers).where(eq(papers.reference, reference)))[0];
const stepsOf = (paperId: number) => db.select().from(consultations).where(eq(consultations.paperId, paperId)).orderBy(consultations.position);

beforeAll(async () => {
  ris = await startFixtureRis();
  users = await createUsersForAllRoles();
  expert = await createUser("expert");
  // Typed in by hand before the import existed: the paper, its step, and the board's advice on it.
  recommendationId = await createPublishedOnPapers({ author: expert, staff: users.staff, voters: [expert, users.expert] }, [{ reference: "AT/0014/2025" }]);
});
afterAll(async () => {
  await ris?.close();
});

describe("import from the city's RIS", () => {
  it("lets only admins set the source and staff or admins start a sync", async () => {
    const form = { intent: "save-source", systemUrl: ris.systemUrl, bodyUrl: "" };
    expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.staff, form })).status).toBe(403);
    expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form: { ...form, systemUrl: "ftp://x" } })).status).toBe(422);
    expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form })).status).toBe(200);
    for (const user of [users.expert, users.council]) {
      expect((await callRoute(adminOparl.action, "/admin/oparl", { user, form: { intent: "sync-now" } })).status).toBe(403);
      expect((await callRoute(adminOparl.loader, "/admin/oparl", { user })).status).toBe(403);
    }
    expect((await callRoute(adminOparl.loader, "/admin/oparl", { user: null })).status).toBe(302);
    expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.staff, form: { intent: "sync-now" } })).status).toBe(202);
    // One at a time: a second request while one is queued is refused.
    expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form: { intent: "sync-now" } })).status).toBe(409);
    expect(
      await db
        .select()
        .from(papers)
        .where(sql`${papers.oparlSourceId} is not null`),
    ).toEqual([]); // nothing ran in the request
  });

  it("pulls a multi-page RIS with its deviations, links the hand-made paper and refuses what it cannot use", async () => {
    ris.failures.set("/oparl/body/1/paper?page=2", 1); // one HTTP 500, retried
    expect(await runQueuedSyncs(WORKER)).toBe(1);
    const run = await lastSyncRun();
    expect(run.error).toBeNull();
    expect(run.state).toBe("succeeded");
    expect(run.counts.paper).toEqual({ created: 3, updated: 1, unchanged: 0, deleted: 0, refused: 3 });
    expect(run.counts.organization.refused).toBe(1);
    const reasons = run.problems.map((p) => p.reason).join("\n");
    expect(reasons).toContain("ohne Aktenzeichen");
    expect(reasons).toContain("anderen Server");
    expect(reasons).toContain("ohne bekanntes Gremium");

    const antrag = await paperBy("AT/0014/2025");
    expect(await db.select().from(papers).where(eq(papers.reference, "AT/0014/2025"))).toHaveLength(1);
    expect(antrag).toMatchObject({
      oparlSourceId: `${ris.url}/oparl/paper/1`,
      name: "Stadtverwaltung entlasten, Chatbot einrichten",
      oparlSourceWeb: "http://ris.invalid/vorlage/1",
    });
    const [step] = await stepsOf(antrag.id);
    expect(await stepsOf(antrag.id)).toHaveLength(1); // the RIS's Gremienweg replaced the hand-typed one
    expect(step).toMatchObject({
      date: "2025-02-06",
      agendaItemNumber: "Ö 5",
      result: "kenntnis",
      role: "entscheidung",
      oparlSourceId: `${ris.url}/oparl/consultation/1`,
    });
    expect(await db.select().from(recommendationPapers).where(eq(recommendationPapers.paperId, antrag.id))).toHaveLength(1); // the board's link stays
    const [stadtrat] = await db.select().from(organizations).where(eq(organizations.name, "Stadtrat"));
    expect(stadtrat.oparlSourceId).toBe(`${ris.url}/oparl/organization/1`); // matched by name, not duplicated

    const statement = await paperBy("ST/0020/2025");
    expect(statement.name).toBe("Stellungnahme der Verwaltung zum Antrag");
    expect((await stepsOf(statement.id))[0]).toMatchObject({ role: "vorberatung", roleText: "Beratung" });
    const strategy = await paperBy("0815/2025");
    expect(strategy).toMatchObject({ paperType: "Beschlussvorlage", originator: "Ausschuss für Digitales und Organisation" });
    expect((await stepsOf(strategy.id)).map((s) => [s.position, s.result, s.resultText])).toEqual([
      [1, null, null],
      [2, "einstimmig", "einstimmig beschlossen"],
    ]);
    expect(await paperBy("RE/0003/2025")).toMatchObject({ paperType: "Resolution", date: "2025-03-03" });
    // Council meetings are kept apart from the board's meetings.
    expect(await db.select().from(meetings)).toEqual([]);
    const council = await db.select().from(councilMeetings).orderBy(councilMeetings.id);
    expect(council.map((m) => [m.name, m.start?.toISOString() ?? null])).toEqual([
      ["Sitzung des Stadtrats", "2025-02-06T14:00:00.000Z"],
      ["Sondersitzung", null],
    ]);
  });

  it("shows the imported paper with its Gremienweg in the portal's own export, answered by the board's recommendation", async () => {
    const antrag = await paperBy("AT/0014/2025");
    const paper = await oparl(`paper/${antrag.id}`);
    expect(validateOparlObject(paper)).toEqual([]);
    expect(paper).toMatchObject({ reference: "AT/0014/2025", web: "http://ris.invalid/vorlage/1", "digitalbeirat:source": `${ris.url}/oparl/paper/1` });
    expect(paper.relatedPaper).toContain(`http://localhost:3000/oparl/v1/paper/em-${recommendationId}`);
    const meeting = await oparl(paper.consultation[0].meeting.replace("http://localhost:3000/oparl/v1/", ""));
    expect(meeting).toMatchObject({ name: "Sitzung des Stadtrats", web: "http://ris.invalid/sitzung/1" });
    const advice = await oparl(`paper/em-${recommendationId}`);
    expect(advice).toMatchObject({ paperType: "Empfehlung des Digitalbeirats", relatedPaper: [paper.id] });
    expect(validateListPage(await oparl("body/1/paper"))).toEqual([]);
    // The portal's page says where the paper comes from and links to the RIS.
    const page = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/AT-0014-2025", { params: { reference: "AT-0014-2025" } }));
    expect(page.paper).toMatchObject({ imported: true, sourceWeb: "http://ris.invalid/vorlage/1" });
    expect(page.steps[0]).toMatchObject({ resultText: "zur Kenntnis genommen", agendaItemNumber: "Ö 5" });
    expect((await callRoute(paperPage.loader, "/vorlagen/0815-2025", { params: { reference: "0815-2025" } })).status).toBe(200);
    expect(validateListPage(await oparl("body/1/meeting"))).toEqual([]);
  });

  it("runs incrementally the second time: only what changed, deletions hide the paper", async () => {
    const untouched = await paperBy("AT/0014/2025");
    ris.state = "state2";
    ris.requests.length = 0;
    expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form: { intent: "sync-now" } })).status).toBe(202);
    expect(await runQueuedSyncs(WORKER)).toBe(1);
    const run = await lastSyncRun();
    expect(run.state).toBe("succeeded");
    expect(run.counts.paper).toEqual({ created: 0, updated: 1, unchanged: 0, deleted: 1, refused: 0 });
    expect(ris.requests).toEqual([
      "/oparl/system",
      "/oparl/body",
      "/oparl/body/1/organization?since",
      "/oparl/body/1/meeting?since",
      "/oparl/body/1/paper?since",
    ]);
    const statement = await paperBy("ST/0020/2025");
    expect(statement.name).toBe("Stellungnahme der Verwaltung zum Antrag (berichtigt)");
    expect((await stepsOf(statement.id)).map((s) => [s.role, s.agendaItemNumber])).toEqual([
      ["kenntnisnahme", null],
      ["entscheidung", "6"],
    ]);
    expect((await paperBy("AT/0014/2025")).updatedAt).toEqual(untouched.updatedAt);
    const withdrawn = await paperBy("0815/2025");
    expect(withdrawn.oparlSourceDeletedAt).not.toBeNull();
    const tomb = await oparl(`paper/${withdrawn.id}`);
    expect(tomb).toMatchObject({ deleted: true, type: "https://schema.oparl.org/1.1/Paper" });
    const list = await oparl("body/1/paper?limit=200");
    expect(list.data.map((p: { reference?: string }) => p.reference)).not.toContain("0815/2025");
    const admin = await jsonOf(await callRoute(adminOparl.loader, "/admin/oparl", { user: users.admin }));
    expect(admin.runs).toHaveLength(2);
  });

  it("records a run against a broken source as failed with a clear reason and writes nothing", async () => {
    const before = await db.select({ id: papers.id, updatedAt: papers.updatedAt }).from(papers).orderBy(papers.id);
    await callRoute(adminOparl.action, "/admin/oparl", {
      user: users.admin,
      form: { intent: "save-source", systemUrl: `${ris.url}/oparl/kaputt`, bodyUrl: "" },
    });
    await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form: { intent: "sync-now" } });
    ris.failures.set("/oparl/kaputt", Infinity);
    expect(await runQueuedSyncs(WORKER)).toBe(1);
    const run = await lastSyncRun();
    expect(run).toMatchObject({ state: "failed" });
    expect(run.error).toContain("Abruf fehlgeschlagen");
    expect(run.error).toContain("HTTP 500");
    expect(await db.select({ id: papers.id, updatedAt: papers.updatedAt }).from(papers).orderBy(papers.id)).toEqual(before);
    expect(
      await db
        .select()
        .from(consultations)
        .where(and(eq(consultations.paperId, -1))),
    ).toEqual([]);
  });
});
