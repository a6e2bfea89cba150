import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { documents, documentVersions, type ImportedFileSource } from "#db/schema";
import { sanitiseFileName } from "~/documents/file-name";
import { fileLimitBytes, storeFile, type ReceivedFile } from "~/documents/receive.server";
import { markContentComplete, type ContentWriter } from "~/documents/storage.server";
import { EXTRACT_TEXT_JOB } from "~/documents/text-job.server";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { RefusalError } from "~/lib/refusal";
import { enqueueJob } from "~/server/jobs/queue.server";
import { PermanentJobError } from "~/server/jobs/registry.server";
import { SourceClient } from "./client.server";
import { MAX_PROBLEMS } from "./report";
import { getSourceSetting } from "./runs.server";

const refused = t.oparl.import.refused;
const MAX_REDIRECTS = 3;
/** A whole file, body included; generous, since a RIS may be slow and files large. */
const FETCH_TIMEOUT_MS = 120_000;

/** Refused for good: the content is not taken, the reason goes into the file's row and its sync run's report. */
class FileRefused extends Error {}

/**
 * The `oparl.fetch_file` job: the bytes of one imported file from the source (same host only,
 * redirects bounded, no credentials), through the upload's checks (size limit while reading,
 * type by content, SHA-512 against the source's checksum). Network errors and 5xx are thrown
 * for the job's retry with backoff; a refusal is permanent and reported.
 */
export async function fetchImportedFile({ documentId, runId }: { documentId: number; runId: number | null }) {
  const [row] = await db
    .select({ importSource: documents.importSource, importedFrom: documents.importedFrom })
    .from(documents)
    .where(and(eq(documents.id, documentId), isNull(documents.deletedAt)));
  const source = row?.importSource;
  if (!source || source.state !== "pending") return; // removed or settled meanwhile
  const setting = await getSourceSetting();
  if (!setting) throw new PermanentJobError(t.oparl.import.errors.noSource);
  const client = new SourceClient({ systemUrl: setting.systemUrl });
  let writer: ContentWriter | null = null;
  try {
    const response = await open(client, source.url);
    const file = await storeFile(
      { data: response.body as unknown as AsyncIterable<Uint8Array>, filename: source.fileName, contentType: response.headers.get("content-type") ?? "" },
      "document",
      (started) => (writer = started),
    );
    if (source.sha512 && source.sha512 !== file.sha512) throw new FileRefused(refused.fileChecksum);
    const kept = await keepVersion(documentId, source, file);
    if (!kept) await (writer as ContentWriter | null)?.discard();
  } catch (error) {
    await (writer as ContentWriter | null)?.discard();
    if (error instanceof FileRefused || error instanceof RefusalError) {
      await refuseFile({ documentId, runId, source, fileId: row.importedFrom ?? source.url, reason: error.message });
      return;
    }
    throw error;
  }
}

async function open(client: SourceClient, start: string): Promise<Response> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const response = await fetch(url, { redirect: "manual", credentials: "omit", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const target = client.own(new URL(response.headers.get("location") ?? "", url).toString());
      if (!target || redirects >= MAX_REDIRECTS) throw new FileRefused(t.oparl.import.errors.foreignUrl(response.headers.get("location") ?? ""));
      url = target;
      continue;
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status} für ${url}`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new FileRefused(refused.fileHttp(response.status));
    }
    if (Number(response.headers.get("content-length") ?? 0) > fileLimitBytes()) {
      await response.body.cancel();
      throw new FileRefused(refused.fileTooLarge(env().FILE_MAX_MB));
    }
    return response;
  }
}

/** The fetched bytes as the file's next version, unless they equal the current one; false if not kept. */
async function keepVersion(documentId: number, source: ImportedFileSource, file: ReceivedFile) {
  return db.transaction(async (tx) => {
    const [live] = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.id, documentId), isNull(documents.deletedAt)))
      .for("update");
    if (!live) return false;
    const settled = { ...source, state: "fetched" as const };
    const [current] = await tx
      .select({ version: documentVersions.version, sha512: documentVersions.sha512 })
      .from(documentVersions)
      .where(eq(documentVersions.documentId, documentId))
      .orderBy(desc(documentVersions.version))
      .limit(1);
    if (current?.sha512 === file.sha512) {
      await tx.update(documents).set({ importSource: settled }).where(eq(documents.id, documentId));
      return false;
    }
    const version = (current?.version ?? 0) + 1;
    const [saved] = await tx
      .insert(documentVersions)
      .values({
        documentId,
        version,
        contentId: file.contentId,
        fileName: sanitiseFileName(file.fileName, file.mimeType),
        mimeType: file.mimeType,
        size: file.size,
        sha512: file.sha512,
      })
      .returning({ id: documentVersions.id });
    await tx
      .update(documents)
      .set({ currentVersion: version, importSource: settled, updatedAt: sql`now()` })
      .where(eq(documents.id, documentId));
    await markContentComplete(tx, file.contentId);
    await enqueueJob(tx, { kind: EXTRACT_TEXT_JOB, payload: { versionId: saved.id } });
    return true;
  });
}

type Refused = { documentId: number; runId: number | null; source: ImportedFileSource; fileId: string; reason: string };

async function refuseFile({ documentId, runId, source, fileId, reason }: Refused) {
  const problem = { list: "file", id: fileId.slice(0, 300), reason: refused.fileNotFetched(reason).slice(0, 500) };
  await db.transaction(async (tx) => {
    await tx
      .update(documents)
      .set({ importSource: { ...source, state: "refused", reason: problem.reason } })
      .where(eq(documents.id, documentId));
    if (runId)
      await tx.execute(
        sql`update oparl_sync_runs set problems = problems || ${JSON.stringify([problem])}::jsonb
          where id = ${runId} and jsonb_array_length(problems) < ${MAX_PROBLEMS}`,
      );
  });
}
