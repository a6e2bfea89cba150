import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { jobs, mails } from "../../../db/schema";
import { runQueuedSyncs } from "../../../app/oparl/import/runs.server";
import { scanCommitmentReminders } from "../../../app/commitments/reminders.server";
import { registerAllJobHandlers } from "../../../app/server/jobs/handlers.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { ensureScheduledJobs } from "../../../app/server/jobs/schedule.server";
import * as adminOparl from "../../../app/routes/admin.oparl";
import * as recommendationPage from "../../../app/routes/empfehlungen.$id._index";
import { createUser, createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { startFixtureRis, type FixtureRis } from "../oparl/fixture-ris";
import { follow, linesFor } from "../notifications/helpers";
import { createPublishedOnPapers } from "../recommendations/recommendation-fixtures";
import { postToCommitment, recordCommitment } from "./commitment-fixtures";

let ris: FixtureRis;
let users: Awaited<ReturnType<typeof createUsersForAllRoles>>;
let expert2: TestUser;
let recommendationId: number;
const WORKER = { backoffMs: 5, retries: 2, timeoutMs: 5000 };

const timeline = async (user: TestUser | null) =>
  (await jsonOf(await callRoute(recommendationPage.loader, `/empfehlungen/${recommendationId}`, { user, params: { id: String(recommendationId) } }))).timeline;

async function syncNow() {
  expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form: { intent: "sync-now" } })).status).toBe(202);
  expect(await runQueuedSyncs(WORKER)).toBe(1);
}

beforeAll(async () => {
  ris = await startFixtureRis();
  users = await createUsersForAllRoles();
  expert2 = await createUser("expert");
  recommendationId = await createPublishedOnPapers({ author: users.expert, staff: users.staff, voters: [users.expert, expert2] }, [
    { reference: "ST/0020/2025" },
  ]);
  await follow(users.council, "recommendation", recommendationId);
  const form = { intent: "save-source", systemUrl: ris.systemUrl, bodyUrl: "" };
  expect((await callRoute(adminOparl.action, "/admin/oparl", { user: users.admin, form })).status).toBe(200);
});
afterAll(async () => {
  await ris?.close();
});

describe("the timeline follows the RIS", () => {
  it("shows a council result the sync brings, without anyone touching the recommendation, and tells its followers", async () => {
    await syncNow(); // the RIS: ST/0020/2025 in the HFA (Beratung), no result yet
    const first = await timeline(null);
    expect(first.events.filter((e: { kind: string }) => e.kind === "consultation")).toEqual([
      expect.objectContaining({ body: "Haupt- und Finanzausschuss", role: "vorberatung", result: null, on: null }),
    ]);
    expect(first.councilDecision).toBeNull();
    expect(await linesFor(users.council, "council.decision")).toHaveLength(0);

    ris.state = "state2"; // the Stadtrat decided ST/0020/2025 (TOP 6, einstimmig)
    await syncNow();
    const second = await timeline(null);
    expect(second.councilDecision).toMatchObject({ body: "Stadtrat", reference: "ST/0020/2025", result: "einstimmig", on: "2025-02-06" });
    const [line] = await linesFor(users.council, "council.decision");
    expect(line).toMatchObject({ objectType: "recommendation", objectId: recommendationId, path: `/empfehlungen/${recommendationId}#umsetzung` });
    expect(line.title).toContain("Stadtrat zu ST/0020/2025: einstimmig");
    // Council members get it at once: the mail is in the outbox, written with the sync's change.
    expect(
      await db
        .select()
        .from(mails)
        .where(and(eq(mails.toUserId, users.council.id), eq(mails.kind, "notification.council.decision"))),
    ).toHaveLength(1);
    // Nobody else heard of it: only followers, and never the ones who may not see it.
    expect(await linesFor(users.expert, "council.decision")).toHaveLength(0);

    await syncNow(); // nothing new: no second line
    expect(await linesFor(users.council, "council.decision")).toHaveLength(1);
  });
});

describe("reminders of due and overdue commitments", () => {
  it("runs once per day across processes and reminds those who may see the commitment, once per due date", async () => {
    const overdue = await recordCommitment(users.staff, { title: "Bericht im HFA", sourcePaper: "ST/0020/2025", dueDate: "2025-03-05" });
    const dueSoon = await recordCommitment(users.staff, { title: "Chatbot-Vorstellung", sourcePaper: "ST/0020/2025", dueDate: "2025-03-14" });
    await recordCommitment(users.staff, { title: "Später", sourcePaper: "ST/0020/2025", dueDate: "2025-04-30" });
    const done = await recordCommitment(users.staff, { title: "Schon erledigt", sourcePaper: "ST/0020/2025", dueDate: "2025-03-01" });
    await postToCommitment(users.staff, done, { intent: "status", toStatus: "erledigt", note: "fertig" });
    await follow(expert2, "commitment", overdue);
    // The council member follows the recommendation, but these commitments are board-internal.
    await postToCommitment(users.staff, overdue, { intent: "status", toStatus: "in_arbeit", note: "läuft" });

    registerAllJobHandlers();
    const morning = new Date("2025-03-10T05:31:00Z"); // 06:31 in Koblenz
    await Promise.all([ensureScheduledJobs(morning), ensureScheduledJobs(morning), ensureScheduledJobs(new Date("2025-03-10T19:00:00Z"))]);
    const scheduled = await db
      .select()
      .from(jobs)
      .where(sql`${jobs.kind} = 'commitments.reminders'`);
    expect(scheduled.map((job) => job.uniqueKey)).toEqual(["commitments.reminders:2025-03-10"]);
    expect(await runDueJobs({ kinds: ["commitments.reminders"] })).toBe(1);

    const overdueLines = await linesFor(users.staff, "commitment.overdue");
    expect(overdueLines.map((l) => l.objectId)).toEqual([overdue]);
    expect(overdueLines[0].title).toBe("Die Zusage „Bericht im HFA“ ist überfällig (fällig am 05.03.2025)");
    expect((await linesFor(expert2, "commitment.overdue")).map((l) => l.objectId)).toEqual([overdue]);
    expect((await linesFor(users.staff, "commitment.due")).map((l) => l.objectId)).toEqual([dueSoon]);
    expect(await linesFor(users.council, "commitment.overdue")).toHaveLength(0);

    // The same day again, or the next day: no second reminder for the same due date.
    await scanCommitmentReminders("2025-03-10");
    await ensureScheduledJobs(new Date("2025-03-11T05:45:00Z"));
    expect(await runDueJobs({ kinds: ["commitments.reminders"] })).toBe(1);
    expect(await linesFor(users.staff, "commitment.overdue")).toHaveLength(1);
    expect(await linesFor(users.staff, "commitment.due")).toHaveLength(1);
  });
});
