// A backup over HTTP (decision record 052): the admin's download (/admin/sicherung) and, for
// `npm run db:backup` while this process holds the PGlite folder, a loopback endpoint that
// takes the secret from the lock file as its password.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { getDatabaseHandle } from "#db/client.server";
import { heldLocks } from "#db/folder-lock.server";
import { writeBackup } from "./dump.server";

export const TOOL_BACKUP_PATH = "/_betrieb/sicherung";

export function backupFileName(now = new Date()) {
  return `digitalbeirat-sicherung-${now.toISOString().slice(0, 16).replace(/[:T]/g, "-")}.jsonl.gz`;
}

function headers() {
  return {
    "Content-Type": "application/gzip",
    "Content-Disposition": `attachment; filename="${backupFileName()}"`,
    "Cache-Control": "no-store",
  };
}

/** The admin's download: streamed as it is written. */
export function backupResponse(): Response {
  const body = new PassThrough();
  writeBackup(getDatabaseHandle(), body).catch((error) => {
    console.error("Sicherung abgebrochen:", error);
    body.destroy(error as Error);
  });
  return new Response(createReadableStreamFromReadable(body), { status: 200, headers: headers() });
}

function isLoopback(address: string | undefined) {
  return !!address && (address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127."));
}

function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Express handler for TOOL_BACKUP_PATH: only from loopback, only with the lock file's secret. */
export async function backupForTool(req: IncomingMessage, res: ServerResponse) {
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  const lock = heldLocks().find((l) => sameSecret(given, l.info.secret));
  if (!isLoopback(req.socket.remoteAddress) || !lock) {
    res.statusCode = 404;
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end("Nicht gefunden.");
    return;
  }
  res.writeHead(200, headers());
  try {
    await writeBackup(getDatabaseHandle(), res);
  } catch (error) {
    console.error("Sicherung abgebrochen:", error);
    res.destroy(error as Error);
  }
}
