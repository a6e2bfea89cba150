import { asc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { consultations, organizations, papers } from "../../../db/schema";
import * as gremienweg from "../../../app/routes/vorlagen.$reference.gremienweg";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import { berlinToday } from "../../../app/papers/consultations.server";
import { createUser, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { insertConsultation, insertOrganizations, insertPaper } from "./paper-helpers";

let staff: TestUser;
let stadtratId: number;
let hfaId: number;
let paperId: number;

beforeEach(async () => {
  await db.delete(papers);
  await db.delete(organizations);
  staff = await createUser("staff");
  const [stadtrat, hfa] = await insertOrganizations();
  stadtratId = stadtrat.id;
  hfaId = hfa.id;
  paperId = (await insertPaper()).id;
});

const post = (form: Record<string, string>) =>
  callRoute(gremienweg.action, "/vorlagen/AT-0014-2025/gremienweg", { user: staff, params: { reference: "AT-0014-2025" }, form });
const step = (extra: Record<string, string> = {}) => ({
  intent: "add",
  organizationId: String(stadtratId),
  date: "2025-02-06",
  role: "entscheidung",
  isPublic: "on",
  ...extra,
});
const steps = () => db.select().from(consultations).where(eq(consultations.paperId, paperId)).orderBy(asc(consultations.position));

describe("Gremienweg steps", () => {
  it("adds steps in order with result and counts, and shows them on the paper page with the derived status", async () => {
    expect((await post(step({ agendaItemNumber: "7", result: "mehrheitlich", countYes: "30", countNo: "12", countAbstention: "2" }))).status).toBe(302);
    expect((await post(step({ organizationId: String(hfaId), date: "", role: "kenntnisnahme" }))).status).toBe(302);
    const rows = await steps();
    expect(rows.map((r) => [r.position, r.organizationId, r.result, r.countYes, r.countNo, r.countAbstention])).toEqual([
      [1, stadtratId, "mehrheitlich", 30, 12, 2],
      [2, hfaId, null, null, null, null],
    ]);
    const page = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/AT-0014-2025", { params: { reference: "AT-0014-2025" } }));
    expect(page.paper.status).toBe("beschlossen");
    expect(page.steps.map((s: { organizationName: string }) => s.organizationName)).toEqual(["Stadtrat", "Haupt- und Finanzausschuss"]);
  });

  it.each([
    [{ result: "einstimmig", countYes: "20", countNo: "1" }, "countNo", "Einstimmig heißt: keine Gegenstimmen."],
    [{ result: "mehrheitlich", countYes: "5", countNo: "9" }, "countYes", "Mehrheitlich heißt: mehr Ja-Stimmen als Gegenstimmen."],
    [{ result: "abgelehnt", countYes: "9", countNo: "5" }, "countNo", "Abgelehnt heißt: nicht mehr Ja-Stimmen als Gegenstimmen."],
    [
      { result: "kenntnis", countYes: "3" },
      "result",
      "Stimmenzahlen gibt es nur bei einem abgestimmten Ergebnis (einstimmig, mehrheitlich, geändert, abgelehnt, verworfen).",
    ],
    [{ countYes: "3" }, "result", "Stimmenzahlen gibt es nur bei einem abgestimmten Ergebnis (einstimmig, mehrheitlich, geändert, abgelehnt, verworfen)."],
    [{ result: "einstimmig", countYes: "-1" }, "countYes", "Bitte eine ganze Zahl von 0 bis 999 angeben."],
    [{ result: "kenntnis", date: "" }, "date", "Ein Ergebnis braucht das Datum der Sitzung."],
    [{ organizationId: "abc" }, "organizationId", "Bitte wählen Sie ein Gremium."],
    [{ role: "irgendwas" }, "role", "Bitte wählen Sie die Beratungsrolle."],
  ])("refuses %o with a message on %s (422), writing nothing", async (extra, field, message) => {
    const response = await post(step(extra as Record<string, string>));
    expect(response.status).toBe(422);
    expect((await jsonOf(response)).errors[field]).toBe(message);
    expect(await steps()).toHaveLength(0);
  });

  it("refuses a result on a future consultation but accepts the step without one", async () => {
    const future = new Date(Date.now() + 30 * 86_400_000);
    const date = berlinToday(future);
    const refused = await post(step({ date, result: "einstimmig" }));
    expect(refused.status).toBe(422);
    expect((await jsonOf(refused)).errors.result).toMatch(/erst am Tag der Sitzung/);
    expect((await post(step({ date }))).status).toBe(302);
    expect((await post(step({ date: berlinToday(), result: "vertagt" }))).status).toBe(302);
  });

  it("backs count consistency with DB checks", async () => {
    const base = { paperId, organizationId: stadtratId, date: "2025-02-06" };
    await expect(insertConsultation({ ...base, result: "einstimmig", countNo: 2 })).rejects.toThrow();
    await expect(insertConsultation({ ...base, result: "mehrheitlich", countYes: 2, countNo: 2 })).rejects.toThrow();
    await expect(insertConsultation({ ...base, result: "abgelehnt", countYes: 9, countNo: 2 })).rejects.toThrow();
    await expect(insertConsultation({ ...base, result: "kenntnis", countYes: 1 })).rejects.toThrow();
    await expect(insertConsultation({ ...base, countAbstention: 1 })).rejects.toThrow();
    await expect(insertConsultation({ ...base, result: "einstimmig", countYes: -1 })).rejects.toThrow();
    await expect(insertConsultation({ ...base, date: null, result: "kenntnis" })).rejects.toThrow();
    await expect(insertConsultation({ ...base, result: "gewonnen" as never })).rejects.toThrow();
    await insertConsultation({ ...base, result: "einstimmig", countYes: 40, countNo: 0, countAbstention: 3 });
  });

  it("updates and removes a step; a step of another paper answers 404", async () => {
    await post(step());
    const [first] = await steps();
    const updated = await post({ ...step({ result: "kenntnis" }), intent: "update", consultationId: String(first.id) });
    expect(updated.status).toBe(302);
    expect((await steps())[0].result).toBe("kenntnis");
    const other = await insertPaper({ reference: "ST/0020/2025" });
    const foreign = await insertConsultation({ paperId: other.id, organizationId: hfaId });
    expect((await post({ ...step(), intent: "update", consultationId: String(foreign.id) })).status).toBe(404);
    expect((await post({ intent: "remove", consultationId: String(foreign.id) })).status).toBe(404);
    expect((await post({ intent: "remove", consultationId: String(first.id) })).status).toBe(302);
    expect(await steps()).toHaveLength(0);
  });

  it("reorders steps up and down, leaving the edges alone", async () => {
    await post(step());
    await post(step({ organizationId: String(hfaId), date: "" }));
    const [first, second] = await steps();
    expect((await post({ intent: "up", consultationId: String(second.id) })).status).toBe(302);
    expect((await steps()).map((s) => s.id)).toEqual([second.id, first.id]);
    await post({ intent: "up", consultationId: String(second.id) });
    expect((await steps()).map((s) => [s.id, s.position])).toEqual([
      [second.id, 1],
      [first.id, 2],
    ]);
    await post({ intent: "down", consultationId: String(second.id) });
    expect((await steps()).map((s) => s.id)).toEqual([first.id, second.id]);
  });
});
