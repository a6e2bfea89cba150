import type { Executor } from "../client.server";
import { and, eq, inArray } from "drizzle-orm";
import { consultations, councilMeetings, organizations, paperRelations, papers } from "../schema";
import type { DemoUsers } from "./accounts";
import { AT_0014_2025_BODY, ORGANIZATIONS, ST_0020_2025_BODY, ST_0020_2025_RECOMMENDATION } from "./papers-story";
import { renderedColumns } from "../../app/server/markdown/stored.server";

type PaperValues = typeof papers.$inferInsert;
type StepValues = Omit<typeof consultations.$inferInsert, "paperId" | "organizationId" | "position"> & { body: string };

async function insertPaper(tx: Executor, values: PaperValues, steps: StepValues[]) {
  const rendered = renderedColumns("plain", { bodyHtml: values.body ?? "", resolutionRecommendationHtml: values.resolutionRecommendation });
  const [paper] = await tx
    .insert(papers)
    .values({ ...values, ...rendered })
    .returning({ id: papers.id });
  const bodies = await tx.select({ id: organizations.id, shortName: organizations.shortName }).from(organizations);
  for (const [index, { body, ...step }] of steps.entries()) {
    const organizationId = bodies.find((row) => row.shortName === body)!.id;
    await tx.insert(consultations).values({ ...step, paperId: paper.id, organizationId, position: index + 1 });
  }
  return paper.id;
}

/**
 * The Koblenz case: motion AT/0014/2025 answered by statement ST/0020/2025 in the Stadtrat on
 * 06.02.2025. The published form leaves the result boxes empty; the Beschlussempfehlung is that
 * the motion is settled, so both papers record "Kenntnis" without vote counts there. The
 * announced report to the Haupt- und Finanzausschuss is a later step without date or result.
 */
export async function seedPapers(tx: Executor, people: DemoUsers) {
  await tx.insert(organizations).values(ORGANIZATIONS);
  const staff = people.staff;
  const antrag = await insertPaper(
    tx,
    {
      reference: "AT/0014/2025",
      paperType: "Antrag",
      name: "Stadtverwaltung entlasten, Chatbot „Schängel“ einrichten, Kooperation mit Aleph Alpha anstreben",
      date: "2025-01-21",
      originator: "AfD-Ratsfraktion",
      body: AT_0014_2025_BODY,
      createdById: staff,
    },
    [{ body: "stadtrat", date: "2025-02-06", role: "entscheidung", isPublic: true, result: "kenntnis" }],
  );
  const statement = await insertPaper(
    tx,
    {
      reference: "ST/0020/2025",
      paperType: "Stellungnahme",
      name: 'Stellungnahme zum Antrag der AfD-Ratsfraktion: Stadtverwaltung entlasten, Chatbot "Schängel" einrichten, Kooperation mit Aleph Alpha anstreben',
      date: "2025-02-05",
      originator: "10-Amt für Personal und Organisation",
      underDirectionOf: "Dezernat 1",
      fileNumber: "10",
      body: ST_0020_2025_BODY,
      resolutionRecommendation: ST_0020_2025_RECOMMENDATION,
      createdById: staff,
    },
    [
      { body: "stadtrat", date: "2025-02-06", role: "entscheidung", isPublic: true, result: "kenntnis" },
      { body: "hfa", role: "kenntnisnahme", isPublic: true },
    ],
  );
  await tx.insert(paperRelations).values({ paperId: statement, relatedPaperId: antrag });
  await markAsImported(tx, [antrag, statement]);
  await seedFurtherPapers(tx, staff);
}

/** The demo RIS: the Koblenz papers look as if imported through OParl (README "OParl"). */
export const DEMO_RIS = "https://ris.example.org/koblenz/oparl/v1";

/**
 * The two Koblenz papers and the Stadtrat session of 06.02.2025 carry source ids as if the
 * import had brought them, so the export shows both shapes (hand-made and imported).
 */
async function markAsImported(tx: Executor, paperIds: number[]) {
  const [stadtrat] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.shortName, "stadtrat"));
  const [meeting] = await tx
    .insert(councilMeetings)
    .values({
      oparlSourceId: `${DEMO_RIS}/meeting/2025-02-06`,
      oparlSourceWeb: "https://ris.example.org/koblenz/sitzung/2025-02-06",
      oparlSourceModified: new Date("2025-02-07T09:00:00Z"),
      organizationId: stadtrat.id,
      name: "Sitzung des Stadtrats",
      start: new Date("2025-02-06T14:00:00Z"),
      end: new Date("2025-02-06T19:00:00Z"),
      location: "Rathaus, Ratssaal",
      createdAt: new Date("2025-01-10T08:00:00Z"),
      updatedAt: new Date("2025-02-07T09:00:00Z"),
    })
    .returning({ id: councilMeetings.id });
  for (const id of paperIds) {
    const [paper] = await tx.select({ reference: papers.reference }).from(papers).where(eq(papers.id, id));
    const key = paper.reference.replaceAll("/", "-");
    await tx
      .update(papers)
      .set({
        oparlSourceId: `${DEMO_RIS}/paper/${key}`,
        oparlSourceWeb: `https://ris.example.org/koblenz/vorlage/${key}`,
        oparlSourceModified: new Date("2025-02-07T09:00:00Z"),
      })
      .where(eq(papers.id, id));
  }
  await tx
    .update(consultations)
    .set({ councilMeetingId: meeting.id })
    .where(and(inArray(consultations.paperId, paperIds), eq(consultations.organizationId, stadtrat.id), eq(consultations.date, "2025-02-06")));
}

async function seedFurtherPapers(tx: Executor, staff: number) {
  await insertPaper(
    tx,
    {
      reference: "MI/0041/2025",
      paperType: "Mitteilung",
      name: "Sachstand Onlinezugangsgesetz: digitale Verwaltungsleistungen",
      date: "2025-03-11",
      originator: "10-Amt für Personal und Organisation",
      underDirectionOf: "Dezernat 1",
      fileNumber: "10",
      body: "Die Verwaltung berichtet über den Stand der Umsetzung des Onlinezugangsgesetzes: 293 Verwaltungsleistungen stehen vollständig digital zur Verfügung; weitere folgen in den nächsten Monaten.\n\n*Demo-Vorlage.*",
      createdById: staff,
    },
    [{ body: "hfa", date: "2025-03-20", role: "kenntnisnahme", isPublic: true, result: "kenntnis" }],
  );
  await insertPaper(
    tx,
    {
      reference: "BV/0312/2024",
      paperType: "Beschlussvorlage",
      name: "Digitalbeirat der Stadt Koblenz: Geschäftsordnung",
      date: "2024-09-10",
      originator: "10-Amt für Personal und Organisation",
      underDirectionOf: "Dezernat 1",
      fileNumber: "10",
      body: "Der Digitalbeirat berät Stadtrat und Verwaltung in Fragen der Digitalisierung, insbesondere Künstliche Intelligenz, IT-Sicherheit und Online-Dienste. Die Geschäftsordnung regelt Zusammensetzung, Sitzungen und Empfehlungen.\n\n*Demo-Vorlage.*",
      resolutionRecommendation: "Der Stadtrat beschließt die Geschäftsordnung des Digitalbeirats in der vorgelegten Fassung.",
      createdById: staff,
    },
    [
      { body: "hfa", date: "2024-09-19", role: "vorberatung", isPublic: true, result: "einstimmig", countYes: 15, countNo: 0, countAbstention: 1 },
      { body: "stadtrat", date: "2024-09-26", role: "entscheidung", isPublic: true, result: "mehrheitlich", countYes: 48, countNo: 4, countAbstention: 2 },
    ],
  );
  await insertPaper(
    tx,
    {
      reference: "BV/0087/2025",
      paperType: "Beschlussvorlage",
      name: "Teststellung einer KI-Plattform: Vereinbarung mit dem Anbieter",
      date: "2025-04-01",
      originator: "10-Amt für Personal und Organisation",
      underDirectionOf: "Dezernat 1",
      fileNumber: "10",
      body: "Entwurf der Vereinbarung über die Teststellung einer KI-Plattform (Dokumente, in Teilen Audio und Bild/Video) bei der Stadtverwaltung, mit Auftragsverarbeitungsvertrag und Vertraulichkeitsregeln.\n\n*Demo-Vorlage, nicht öffentlich.*",
      resolutionRecommendation: "Der Haupt- und Finanzausschuss stimmt der Teststellung zu.",
      isPublic: false,
      createdById: staff,
    },
    [{ body: "hfa", role: "entscheidung", isPublic: false }],
  );
}
