import { and, asc, eq, gte, lte, lt, sql } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { documentChunks, documentContents } from "#db/schema";

/** 256 KiB per row: small enough for every fetch and backup line, few rows per file. */
export const CHUNK_BYTES = 256 * 1024;
/** Chunks read per query when streaming a download. */
const READ_BATCH = 4;

/**
 * Writes one file's bytes as they arrive, a chunk row at a time, outside any transaction; the
 * row stays `complete = false` until a version points at it (markContentComplete). Incomplete
 * contents of aborted uploads are removed at once, or by the hourly sweep after a crash.
 */
export async function startContent(executor: Executor = db) {
  const [row] = await executor.insert(documentContents).values({ chunkSize: CHUNK_BYTES }).returning({ id: documentContents.id });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let size = 0;
  const flush = async (all: boolean) => {
    while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
      const joined = Buffer.concat(pending);
      const data = joined.subarray(0, CHUNK_BYTES);
      const rest = joined.subarray(data.length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      await executor.insert(documentChunks).values({ contentId: row.id, seq, data: Buffer.from(data) });
      seq += 1;
    }
  };
  return {
    id: row.id,
    async write(bytes: Uint8Array) {
      pending.push(Buffer.from(bytes));
      pendingBytes += bytes.length;
      size += bytes.length;
      if (pendingBytes >= CHUNK_BYTES) await flush(false);
    },
    async finish() {
      await flush(true);
      await executor.update(documentContents).set({ size, chunkCount: seq }).where(eq(documentContents.id, row.id));
      return { size };
    },
    async discard() {
      await executor.delete(documentContents).where(eq(documentContents.id, row.id));
    },
  };
}

export type ContentWriter = Awaited<ReturnType<typeof startContent>>;

/** Stores a file held in memory (seed, importer): the same rows as an upload. */
export async function storeBytes(bytes: Uint8Array, executor: Executor = db) {
  const writer = await startContent(executor);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK_BYTES) await writer.write(bytes.subarray(at, at + CHUNK_BYTES));
    await writer.finish();
    return writer.id;
  } catch (error) {
    await writer.discard();
    throw error;
  }
}

export async function markContentComplete(tx: Executor, contentId: number) {
  await tx.update(documentContents).set({ complete: true }).where(eq(documentContents.id, contentId));
}

/** Contents of uploads that never finished (a process died mid-upload). */
export async function deleteAbandonedContents() {
  await db.delete(documentContents).where(and(eq(documentContents.complete, false), lt(documentContents.createdAt, sql`now() - interval '1 hour'`)));
}

/** Bytes `start`..`end` (inclusive) of a content, a few chunks per query. */
export async function* readContentRange({ contentId, start, end }: { contentId: number; start: number; end: number }): AsyncGenerator<Uint8Array> {
  const [content] = await db
    .select({ chunkSize: documentContents.chunkSize, size: documentContents.size })
    .from(documentContents)
    .where(eq(documentContents.id, contentId));
  if (!content) return;
  end = Math.min(end, content.size - 1);
  if (end < start) return;
  const size = content.chunkSize;
  const last = Math.floor(end / size);
  for (let first = Math.floor(start / size); first <= last; first += READ_BATCH) {
    const rows = await db
      .select({ seq: documentChunks.seq, data: documentChunks.data })
      .from(documentChunks)
      .where(and(eq(documentChunks.contentId, contentId), gte(documentChunks.seq, first), lte(documentChunks.seq, Math.min(last, first + READ_BATCH - 1))))
      .orderBy(asc(documentChunks.seq));
    for (const row of rows) {
      const offset = row.seq * size;
      const from = Math.max(0, start - offset);
      const to = Math.min(row.data.length, end - offset + 1);
      yield row.data.subarray(from, to);
    }
  }
}

/** The whole content in memory, for the text job (bounded by FILE_MAX_MB at upload). */
export async function readContent(contentId: number): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const part of readContentRange({ contentId, start: 0, end: Number.MAX_SAFE_INTEGER })) parts.push(part);
  return Buffer.concat(parts);
}
