import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { documentVersions } from "#db/schema";
import { extractText, TextExtractionError } from "~/documents/extract/index.server";
import { PermanentJobError, registerJobHandler, registerSchedule } from "~/server/jobs/registry.server";
import { hourly } from "~/server/jobs/schedule.server";
import { deleteAbandonedContents, readContent } from "./storage.server";

export const EXTRACT_TEXT_JOB = "documents.extract_text";
/** The stored text is bounded like the column (check document_versions_text_length). */
const TEXT_MAX_CHARS = 2_000_000;

/** Reads a version's text into the search column; a PDF without text layer is marked `none`. */
export async function extractVersionText(versionId: number, { lastAttempt }: { lastAttempt: boolean }) {
  const [version] = await db
    .select({ contentId: documentVersions.contentId, mimeType: documentVersions.mimeType })
    .from(documentVersions)
    .where(eq(documentVersions.id, versionId));
  if (!version) throw new PermanentJobError(`Dokumentfassung ${versionId} gibt es nicht mehr`);
  // A video has no text to extract (the DGS video's upload queues no job; older rows may).
  if (version.mimeType.startsWith("video/")) {
    await db.update(documentVersions).set({ textState: "none" }).where(eq(documentVersions.id, versionId));
    return;
  }
  try {
    const result = await extractText({ bytes: await readContent(version.contentId), mimeType: version.mimeType });
    // Postgres text holds no NUL; the bound keeps one file from filling the search index.
    const text =
      result.text
        ?.replace(/\u0000/g, "")
        .slice(0, TEXT_MAX_CHARS)
        .trim() || null;
    await db
      .update(documentVersions)
      .set({ text, pages: result.pages, textState: text ? "done" : "none" })
      .where(eq(documentVersions.id, versionId));
  } catch (error) {
    // A file that cannot be read (damaged, encrypted, over a limit) fails the same way every time.
    if (error instanceof TextExtractionError) {
      await db.update(documentVersions).set({ textState: "failed" }).where(eq(documentVersions.id, versionId));
      console.warn(`Text der Dokumentfassung ${versionId} nicht lesbar: ${error.reason}`);
      return;
    }
    if (lastAttempt) await db.update(documentVersions).set({ textState: "failed" }).where(eq(documentVersions.id, versionId));
    throw error;
  }
}

export function registerDocumentJobs() {
  registerJobHandler(EXTRACT_TEXT_JOB, async (payload, context) => {
    const versionId = Number(payload.versionId);
    if (!Number.isInteger(versionId)) throw new PermanentJobError("versionId fehlt");
    await extractVersionText(versionId, { lastAttempt: context.attempt >= context.maxAttempts });
  });
  registerJobHandler("documents.sweep", async () => {
    await deleteAbandonedContents();
  });
  registerSchedule(hourly("documents.sweep"));
}
