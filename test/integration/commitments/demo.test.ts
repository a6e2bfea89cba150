import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, startCountingQueries, stopCountingQueries } from "../../../db/client.server";
import { recommendations } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/index";
import { COMMITMENTS } from "../../../db/seed/commitments-story";
import * as dashboard from "../../../app/routes/_index";
import * as recommendationPage from "../../../app/routes/empfehlungen.$id._index";
import * as report from "../../../app/routes/umsetzung.bericht.$jahr";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";

const statement = readFileSync(path.resolve(import.meta.dirname, "../../fixtures/ST-0020-2025.txt"), "utf8").replace(/\s+/g, " ");
let council: TestUser;
let expert: TestUser;
let em: number;

beforeAll(async () => {
  await seedDemo(db);
  [council, expert] = await Promise.all([createUser("council"), createUser("expert")]);
  [{ id: em }] = await db.select({ id: recommendations.id }).from(recommendations).where(eq(recommendations.reference, "EM/0001/2025"));
}, 120_000);

const readEm = (user: TestUser | null) => callRoute(recommendationPage.loader, `/empfehlungen/${em}`, { user, params: { id: String(em) } });

describe("the Koblenz case to its end, on the page of EM/0001/2025", () => {
  it("quotes the four promises of ST/0020/2025 from the statement itself", () => {
    expect(COMMITMENTS).toHaveLength(4);
    for (const story of COMMITMENTS.slice(0, 2)) expect(statement).toContain(story.promise.split(". ")[0].replace(/\s+/g, " "));
    expect(statement).toContain(COMMITMENTS[3].promise);
  });

  it("tells motion → statement with its four commitments → board vote → council decision → status, to a council member and a visitor", async () => {
    for (const reader of [council, null]) {
      const { timeline } = await jsonOf(await readEm(reader));
      const lines = timeline.events.map((e: { kind: string; reference?: string; result?: string; body?: string }) =>
        e.kind === "paper" ? `paper ${e.reference}` : e.kind === "consultation" ? `${e.body} ${e.reference} ${e.result ?? "geplant"}` : e.kind,
      );
      expect(lines.slice(0, 6)).toEqual([
        "paper AT/0014/2025",
        "vote",
        "published",
        "paper ST/0020/2025",
        "Stadtrat AT/0014/2025 kenntnis",
        "Stadtrat ST/0020/2025 kenntnis",
      ]);
      expect(lines).toContain("Haupt- und Finanzausschuss ST/0020/2025 geplant");
      expect(timeline.commitments.map((c: { status: string; overdue: boolean }) => [c.status, c.overdue])).toEqual([
        ["in_arbeit", false],
        ["in_arbeit", false],
        ["erledigt", false],
        ["offen", true],
      ]);
      expect(timeline.outcome).toBeNull();
    }
  });

  it("shows the board the overdue report on its dashboard and in the annual report, in few statements", async () => {
    const board = await jsonOf(await callRoute(dashboard.loader, "/", { user: expert }));
    expect(board.overdueCommitments.map((c: { title: string }) => c.title)).toEqual(["Unaufgeforderter Bericht im Haupt- und Finanzausschuss"]);
    const printed = await jsonOf(await callRoute(report.loader, "/umsetzung/bericht/2025", { user: expert, params: { jahr: "2025" } }));
    expect(printed.rows.map((r: { reference: string }) => r.reference)).toEqual(["EM/0001/2025"]);
    expect(printed.rows[0].openCommitments).toHaveLength(3);
    startCountingQueries();
    await readEm(council);
    const statements = stopCountingQueries()!.count;
    // The page without the timeline needs about 15; the timeline adds one query per kind (6).
    expect(statements).toBeLessThanOrEqual(25);
  });
});
