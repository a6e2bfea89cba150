// npm run db:restore -- FILE [--force]
// Restores a backup (npm run db:backup, or the download in /admin/sicherung) into the configured
// database: DATABASE_URL, else the PGlite folder DATA_DIR (stop the portal first: it holds the
// folder). Refuses a database with data unless --force; ends every session.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { openForTool } from "../db/client.server";
import { BackupFormatError } from "../app/server/backup/format.server";
import { RestoreRefusedError, restoreBackup } from "../app/server/backup/restore.server";

const args = process.argv.slice(2);
const force = args.includes("--force");
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Aufruf: npm run db:restore -- DATEI [--force]");
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`Die Datei ${path.resolve(file)} gibt es nicht.`);
  process.exit(2);
}
const handle = openForTool();
try {
  const summary = await restoreBackup(handle, createReadStream(file), { force });
  const tables = Object.keys(summary.tables).length;
  console.log(
    `Wiederhergestellt: ${summary.rows} Zeilen in ${tables} Tabellen in ${(summary.ms / 1000).toFixed(1)} s (${handle.kind}; Schutz-Trigger ${summary.triggers === "replica" ? "per session_replication_role ausgesetzt" : "je Tabelle abgeschaltet"}). Alle Sitzungen sind beendet; bitte neu anmelden.`,
  );
} catch (error) {
  if (error instanceof RestoreRefusedError || error instanceof BackupFormatError) {
    console.error(`Nicht wiederhergestellt: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await handle.close();
}
