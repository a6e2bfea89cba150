// npm run db:backup -- FILE
// A backup of the configured database (DATABASE_URL, else the PGlite folder DATA_DIR) into FILE
// (gzip'd JSON lines, decision record 052). While a portal server holds the PGlite folder, that
// server writes the backup (asked over loopback with the secret from the lock file); otherwise
// this command takes the folder's lock itself.
import { createWriteStream, renameSync, rmSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import path from "node:path";
import { openForTool } from "../db/client.server";
import { liveHolder } from "../db/folder-lock.server";
import { writeBackup } from "../app/server/backup/dump.server";
import { TOOL_BACKUP_PATH } from "../app/server/backup/http.server";

const file = process.argv[2];
if (!file || file.startsWith("-")) {
  console.error("Aufruf: npm run db:backup -- DATEI   (z. B. sicherung-$(date +%F).jsonl.gz)");
  process.exit(2);
}
const target = path.resolve(file);
const partial = `${target}.teil`;
const started = Date.now();

async function fromRunningServer(port: number, secret: string) {
  const response = await fetch(`http://127.0.0.1:${port}${TOOL_BACKUP_PATH}`, { headers: { Authorization: `Bearer ${secret}` } });
  if (!response.ok || !response.body) throw new Error(`Der laufende Server hat die Sicherung abgelehnt (HTTP ${response.status}).`);
  await pipeline(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream), createWriteStream(partial, { mode: 0o600 }));
}

try {
  const dataDir = path.resolve(process.env.DATA_DIR ?? "./data");
  const holder = process.env.DATABASE_URL ? null : liveHolder(dataDir);
  if (holder) {
    if (!holder.port) {
      console.error(
        `Der Datenordner ${dataDir} wird gerade vom Prozess ${holder.pid} (${holder.command}) benutzt, der keine Sicherung schreiben kann. Bitte warten, bis er fertig ist.`,
      );
      process.exit(1);
    }
    await fromRunningServer(holder.port, holder.secret);
  } else {
    const handle = openForTool();
    try {
      await writeBackup(handle, createWriteStream(partial, { mode: 0o600 }));
    } finally {
      await handle.close();
    }
  }
  renameSync(partial, target);
  const size = (statSync(target).size / 1024 / 1024).toFixed(1);
  console.log(
    `Sicherung geschrieben: ${target} (${size} MB in ${((Date.now() - started) / 1000).toFixed(1)} s${holder ? `, vom laufenden Server ${holder.pid}` : ""}).`,
  );
} catch (error) {
  rmSync(partial, { force: true });
  console.error(`Sicherung fehlgeschlagen: ${(error as Error).message}`);
  process.exit(1);
}
