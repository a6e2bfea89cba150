import { db } from "../../../db/client.server";
import { consultations, organizations, papers } from "../../../db/schema";

export async function insertOrganizations() {
  return db
    .insert(organizations)
    .values([
      { name: "Stadtrat", shortName: "stadtrat", classification: "Rat" },
      { name: "Haupt- und Finanzausschuss", shortName: "hfa", classification: "Ausschuss" },
    ])
    .returning();
}

export async function insertPaper(overrides: Partial<typeof papers.$inferInsert> = {}) {
  const [row] = await db
    .insert(papers)
    .values({
      reference: "AT/0014/2025",
      paperType: "Antrag",
      name: "Stadtverwaltung entlasten, Chatbot „Schängel“ einrichten",
      date: "2025-01-20",
      originator: "AfD-Ratsfraktion",
      body: "Der Stadtrat möge beschließen …",
      ...overrides,
    })
    .returning();
  return row;
}

export async function insertConsultation(values: Partial<typeof consultations.$inferInsert> & { paperId: number; organizationId: number }) {
  const [row] = await db
    .insert(consultations)
    .values({ position: 1, role: "entscheidung", ...values })
    .returning();
  return row;
}
