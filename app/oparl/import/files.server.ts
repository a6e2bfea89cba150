import { and, eq, inArray, isNotNull, isNull, notInArray, sql } from "drizzle-orm";
import type { Executor } from "#db/client.server";
import { documents, type DocumentRole, type ImportedFileSource } from "#db/schema";
import { t } from "~/i18n/de";
import { enqueueJob } from "~/server/jobs/queue.server";
import type { SourceClient } from "./client.server";
import { dateTimeOf, isDeleted, isRecord, listOf, textOf } from "./normalize";
import type { Outcome } from "./report";

export const FETCH_FILE_JOB = "oparl.fetch_file";
const MAX_FILES_PER_OBJECT = 100;
const refused = t.oparl.import.refused;

export type FileContext = { runId: number | null; count: (outcome: Outcome, id?: string) => void };

type SourceFile = { id: string; role: DocumentRole; label: string; source: ImportedFileSource } | { id: string; deleted: true };

/** The File objects of a Paper (mainFile first, then auxiliaryFile), embedded as OParl 1.1 has them. */
function readFiles(client: SourceClient, raw: Record<string, unknown>, context: FileContext): SourceFile[] {
  const entries = [
    ...listOf(raw.mainFile)
      .slice(0, 1)
      .map((file) => ({ file, role: "main" as const })),
    ...listOf(raw.auxiliaryFile).map((file) => ({ file, role: "auxiliary" as const })),
  ].slice(0, MAX_FILES_PER_OBJECT);
  const files: SourceFile[] = [];
  for (const { file, role } of entries) {
    if (!isRecord(file)) continue; // a bare URL: fetching File objects one by one is left for later
    const id = client.own(file.id);
    if (!id) {
      context.count({ refused: typeof file.id === "string" ? refused.foreignHost : refused.noId }, String(file.id ?? ""));
      continue;
    }
    if (isDeleted(file)) {
      files.push({ id, deleted: true });
      continue;
    }
    const url = client.own(file.downloadUrl) ?? client.own(file.accessUrl);
    if (!url) {
      context.count({ refused: refused.fileNoUrl }, id);
      continue;
    }
    const name = textOf(file.name, 200);
    const fileName = textOf(file.fileName, 255);
    const shownName = (fileName && fileName !== "too-long" ? fileName : null) ?? decodeURIComponent(new URL(url).pathname.split("/").pop() || "datei");
    const label = (name && name !== "too-long" ? name : shownName).replace(/\s+/g, " ").trim().slice(0, 200) || "Datei";
    const checksum = typeof file.sha512Checksum === "string" && /^[0-9a-f]{128}$/i.test(file.sha512Checksum) ? file.sha512Checksum.toLowerCase() : null;
    const modified = dateTimeOf(file.modified)?.toISOString() ?? null;
    files.push({ id, role, label, source: { url, fileName: shownName.slice(0, 255), modified, sha512: checksum, state: "pending" } });
  }
  return files;
}

/**
 * Records the files of an imported paper in the paper's transaction and queues one fetch job per
 * new or changed file (the bytes are fetched outside the sync, so a slow file never blocks it).
 * A file the source no longer lists, or lists as deleted, is soft-deleted (history stays).
 */
export async function recordPaperFiles(tx: Executor, client: SourceClient, paperId: number, raw: Record<string, unknown>, context: FileContext) {
  const files = readFiles(client, raw, context);
  const ids = files.map((file) => file.id);
  const known = ids.length ? await tx.select().from(documents).where(inArray(documents.importedFrom, ids)) : [];
  const byId = new Map(known.map((row) => [row.importedFrom!, row]));
  const live: string[] = [];
  for (const [position, file] of files.entries()) {
    const row = byId.get(file.id);
    if ("deleted" in file) continue;
    live.push(file.id);
    const before = row?.importSource;
    const unchanged =
      row &&
      !row.deletedAt &&
      row.paperId === paperId &&
      before &&
      before.state !== "pending" &&
      file.source.modified !== null &&
      before.modified === file.source.modified &&
      before.sha512 === file.source.sha512 &&
      before.url === file.source.url;
    if (unchanged) {
      context.count("unchanged", file.id);
      continue;
    }
    const values = { ownerType: "paper" as const, paperId, role: file.role, label: file.label, position, importSource: file.source, deletedAt: null };
    let documentId: number;
    if (row) {
      await tx
        .update(documents)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(documents.id, row.id));
      documentId = row.id;
    } else {
      [{ id: documentId }] = await tx
        .insert(documents)
        .values({ ...values, importedFrom: file.id })
        .returning({ id: documents.id });
    }
    await enqueueJob(tx, { kind: FETCH_FILE_JOB, payload: { documentId, runId: context.runId } });
    context.count(row ? "updated" : "created", file.id);
  }
  const removed = await tx
    .update(documents)
    .set({ deletedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(documents.paperId, paperId),
        isNotNull(documents.importedFrom),
        isNull(documents.deletedAt),
        live.length ? notInArray(documents.importedFrom, live) : sql`true`,
      ),
    )
    .returning({ importedFrom: documents.importedFrom });
  for (const row of removed) context.count("deleted", row.importedFrom ?? undefined);
}
