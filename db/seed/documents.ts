import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import type { Executor } from "../client.server";
import { documents, documentVersions, papers, ratingProposals } from "../schema";
import { markContentComplete, storeBytes } from "../../app/documents/storage.server";
import type { DemoUsers } from "./accounts";

const FILES = new URL("./files/", import.meta.url);

/**
 * The statement ST/0020/2025 as a PDF on its paper (made from the portal's print view by
 * scripts/make-demo-pdfs.ts) and a vendor's offer on a proposal. Their text is set here, as the
 * extraction job would read it, so the demo's search finds words inside them.
 */
export async function seedDocuments(tx: Executor, people: DemoUsers) {
  const [paper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.reference, "ST/0020/2025"));
  const [proposal] = await tx.select({ id: ratingProposals.id }).from(ratingProposals).where(eq(ratingProposals.title, "Schängel-Assistent"));
  if (paper) {
    await attach(tx, {
      owner: { ownerType: "paper", paperId: paper.id, role: "main" },
      label: "Stellungnahme ST/0020/2025",
      file: "ST-0020-2025.pdf",
      text: readFileSync(new URL("ST-0020-2025.txt", FILES), "utf8"),
      by: people.staff,
    });
  }
  if (proposal) {
    await attach(tx, {
      owner: { ownerType: "proposal", proposalId: proposal.id, role: "auxiliary" },
      label: "Anlage 1 – Angebot Schängel-Assistent",
      file: "angebot-schaengel-assistent.pdf",
      text: OFFER_TEXT,
      by: people.experts[0],
    });
  }
}

export const OFFER_TEXT = [
  "Angebot Schängel-Assistent für die Stadtverwaltung Koblenz",
  "Chatbot für das Bürgerportal mit Antworten aus den Verwaltungsleistungen (293 Online-Dienste nach dem Onlinezugangsgesetz).",
  "Betrieb in Köln auf einem europäischen Sprachmodell, Auftragsverarbeitungsvertrag nach Art. 28 DSGVO, barrierefreie Oberfläche nach WCAG 2.1 AA.",
  "Preis: Einrichtung 18.000 Euro, Betrieb 2.400 Euro im Monat. Teststellung drei Monate ohne Lizenzkosten.",
].join("\n");

async function attach(
  tx: Executor,
  spec: {
    owner: Partial<typeof documents.$inferInsert> & Pick<typeof documents.$inferInsert, "ownerType">;
    label: string;
    file: string;
    text: string;
    by: number;
  },
) {
  const path = new URL(spec.file, FILES);
  if (!existsSync(path)) return;
  const bytes = readFileSync(path);
  const contentId = await storeBytes(bytes, tx);
  await markContentComplete(tx, contentId);
  const [document] = await tx
    .insert(documents)
    .values({ ...spec.owner, label: spec.label, createdById: spec.by })
    .returning({ id: documents.id });
  await tx.insert(documentVersions).values({
    documentId: document.id,
    version: 1,
    contentId,
    fileName: spec.file,
    mimeType: "application/pdf",
    size: bytes.length,
    sha512: createHash("sha512").update(bytes).digest("hex"),
    uploadedById: spec.by,
    text: spec.text,
    textState: "done",
  });
}
