import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, organizations, paperRelations, papers } from "../../../db/schema";
import * as newPaper from "../../../app/routes/vorlagen.neu";
import * as editPaper from "../../../app/routes/vorlagen.$reference.bearbeiten";
import * as paperPage from "../../../app/routes/vorlagen.$reference._index";
import * as paperList from "../../../app/routes/vorlagen._index";
import { createUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";
import { insertConsultation, insertOrganizations, insertPaper } from "./paper-helpers";

const antrag = {
  reference: "AT/0014/2025",
  paperType: "Antrag",
  name: "Stadtverwaltung entlasten, Chatbot „Schängel“ einrichten, Kooperation mit Aleph Alpha anstreben",
  date: "2025-01-20",
  originator: "AfD-Ratsfraktion",
  body: "Der Stadtrat möge beschließen:",
  isPublic: "on",
};

beforeEach(async () => {
  await db.delete(papers);
  await db.delete(organizations);
});

describe("recording papers", () => {
  it("creates a paper with its relation, records an audit event and redirects to its Gremienweg", async () => {
    const staff = await createUser("staff");
    expect((await callRoute(newPaper.action, "/vorlagen/neu", { user: staff, form: antrag })).status).toBe(302);
    const response = await callRoute(newPaper.action, "/vorlagen/neu", {
      user: staff,
      form: {
        ...antrag,
        reference: "ST/0020/2025",
        paperType: "Stellungnahme",
        name: "Stellungnahme zum Antrag",
        date: "2025-02-05",
        originator: "10-Amt für Personal und Organisation",
        underDirectionOf: "Dezernat 1",
        fileNumber: "10",
        relatedReferences: "AT/0014/2025",
      },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/vorlagen/ST-0020-2025/gremienweg");
    const [st] = await db.select().from(papers).where(eq(papers.reference, "ST/0020/2025"));
    expect(st).toMatchObject({ underDirectionOf: "Dezernat 1", fileNumber: "10", isPublic: true });
    expect(await db.select().from(paperRelations).where(eq(paperRelations.paperId, st.id))).toHaveLength(1);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "paper.create"));
    expect(events).toHaveLength(2);
  });

  it("refuses a malformed reference (422) and a duplicate one (409), writing nothing", async () => {
    const staff = await createUser("staff");
    await insertPaper();
    const before = await db.$count(papers);
    for (const reference of ["AT/14/2025", "at/0014/2025", "AT/0014/25", "AT-0014-2025", ""]) {
      const response = await callRoute(newPaper.action, "/vorlagen/neu", { user: staff, form: { ...antrag, reference } });
      expect(response.status, reference).toBe(422);
      expect((await jsonOf(response)).errors.reference).toMatch(/XX\/NNNN\/JJJJ/);
    }
    const duplicate = await callRoute(newPaper.action, "/vorlagen/neu", { user: staff, form: antrag });
    expect(duplicate.status).toBe(409);
    expect((await jsonOf(duplicate)).errors.reference).toBe("Eine Vorlage mit dieser Nummer gibt es schon.");
    const unknownRelated = await callRoute(newPaper.action, "/vorlagen/neu", {
      user: staff,
      form: { ...antrag, reference: "ST/0001/2025", relatedReferences: "AT/0999/2025" },
    });
    expect(unknownRelated.status).toBe(422);
    expect(await db.$count(papers)).toBe(before);
  });

  it("backs the reference format, uniqueness and relations with DB constraints", async () => {
    const paper = await insertPaper({ reference: "AN/0001/2024" });
    await expect(insertPaper({ reference: "AN/0001/2024" })).rejects.toThrow();
    await expect(insertPaper({ reference: "AN/1/2024" })).rejects.toThrow();
    await expect(insertPaper({ reference: "AN/0002/2024", paperType: "Memo" as never })).rejects.toThrow();
    const other = await insertPaper({ reference: "AN/0003/2024" });
    await db.insert(paperRelations).values({ paperId: other.id, relatedPaperId: paper.id });
    await expect(db.insert(paperRelations).values({ paperId: paper.id, relatedPaperId: other.id })).rejects.toThrow();
    await expect(db.insert(paperRelations).values({ paperId: paper.id, relatedPaperId: paper.id })).rejects.toThrow();
  });

  it("edits a paper, keeps relations recorded from the other side, and shows them both ways", async () => {
    const staff = await createUser("staff");
    const at = await insertPaper();
    const st = await insertPaper({ reference: "ST/0020/2025", paperType: "Stellungnahme", name: "Stellungnahme", date: "2025-02-05" });
    await db.insert(paperRelations).values({ paperId: st.id, relatedPaperId: at.id });
    const response = await callRoute(editPaper.action, "/vorlagen/AT-0014-2025/bearbeiten", {
      user: staff,
      params: { reference: "AT-0014-2025" },
      form: { ...antrag, name: "Neuer Betreff" },
    });
    expect(response.status).toBe(302);
    const atPage = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/AT-0014-2025", { params: { reference: "AT-0014-2025" } }));
    expect(atPage.paper.name).toBe("Neuer Betreff");
    expect(atPage.related).toEqual([expect.objectContaining({ reference: "ST/0020/2025", direction: "answeredBy" })]);
    const stPage = await jsonOf(await callRoute(paperPage.loader, "/vorlagen/ST-0020-2025", { params: { reference: "ST-0020-2025" } }));
    expect(stPage.related).toEqual([expect.objectContaining({ reference: "AT/0014/2025", direction: "answers" })]);
    expect(stPage.paper.answers.map((p: { reference: string }) => p.reference)).toEqual(["AT/0014/2025"]);
  });

  it("answers 404 for an unknown or malformed reference, and for a non-public paper to visitors", async () => {
    await insertPaper({ reference: "MI/0001/2025", paperType: "Mitteilung", isPublic: false });
    const council = await createUser("council");
    for (const slug of ["XX-0000-2025", "AT-0014", "../etc"]) {
      expect((await callRoute(paperPage.loader, `/vorlagen/${slug}`, { params: { reference: slug } })).status).toBe(404);
    }
    expect((await callRoute(paperPage.loader, "/vorlagen/MI-0001-2025", { params: { reference: "MI-0001-2025" } })).status).toBe(404);
    expect((await callRoute(paperPage.loader, "/vorlagen/MI-0001-2025", { user: council, params: { reference: "MI-0001-2025" } })).status).toBe(200);
  });
});

describe("papers list", () => {
  it("filters by type, body, year and derived status, and hides non-public papers from visitors", async () => {
    const [stadtrat, hfa] = await insertOrganizations();
    const at = await insertPaper();
    const st = await insertPaper({ reference: "ST/0020/2025", paperType: "Stellungnahme", date: "2025-02-05" });
    const bv = await insertPaper({ reference: "BV/0100/2024", paperType: "Beschlussvorlage", date: "2024-11-18" });
    await insertPaper({ reference: "MI/0002/2025", paperType: "Mitteilung", date: "2025-03-01", isPublic: false });
    await insertConsultation({ paperId: at.id, organizationId: stadtrat.id, date: "2025-02-06", result: "kenntnis" });
    await insertConsultation({ paperId: st.id, organizationId: stadtrat.id, date: "2025-02-06", result: "kenntnis" });
    await insertConsultation({ paperId: st.id, organizationId: hfa.id, position: 2, role: "kenntnisnahme" });
    await insertConsultation({
      paperId: bv.id,
      organizationId: hfa.id,
      date: "2024-12-01",
      result: "mehrheitlich",
      countYes: 10,
      countNo: 3,
      countAbstention: 1,
    });
    const refs = async (query: string, user?: Awaited<ReturnType<typeof createUser>>) =>
      (await jsonOf(await callRoute(paperList.loader, `/vorlagen${query}`, { user }))).papers.map((p: { reference: string }) => p.reference);

    expect(await refs("")).toEqual(["ST/0020/2025", "AT/0014/2025", "BV/0100/2024"]);
    expect(await refs("", await createUser("council"))).toContain("MI/0002/2025");
    expect(await refs("?typ=Antrag")).toEqual(["AT/0014/2025"]);
    expect(await refs("?gremium=hfa")).toEqual(["ST/0020/2025", "BV/0100/2024"]);
    expect(await refs("?jahr=2024")).toEqual(["BV/0100/2024"]);
    expect(await refs("?status=beschlossen")).toEqual(["BV/0100/2024"]);
    expect(await refs("?status=erledigt")).toEqual(["ST/0020/2025", "AT/0014/2025"]);
    expect(await refs("?status=offen")).toEqual([]);
    expect(await refs("?typ=Quatsch&jahr=abc&seite=-3")).toHaveLength(3);
  });

  it("paginates 20 per page", async () => {
    for (let i = 1; i <= 23; i++) await insertPaper({ reference: `AN/${String(i).padStart(4, "0")}/2023`, date: `2023-01-${String(i).padStart(2, "0")}` });
    const first = await jsonOf(await callRoute(paperList.loader, "/vorlagen?jahr=2023"));
    const second = await jsonOf(await callRoute(paperList.loader, "/vorlagen?jahr=2023&seite=2"));
    expect(first.papers).toHaveLength(20);
    expect(first.total).toBe(23);
    expect(second.papers.map((p: { reference: string }) => p.reference)).toEqual(["AN/0003/2023", "AN/0002/2023", "AN/0001/2023"]);
  });
});
