// Restores a backup into a database (decision record 052): empty unless forced, schema brought to
// the backup's migration level first, rows in foreign-key order with guard triggers off, sequences
// set, every session ended; then the remaining migrations of this build.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { queryRows, type DatabaseHandle, type Transaction } from "#db/client.server";
import { applyMigrations, migrationsFolder } from "#db/migrate.server";
import { quoteIdent, readCatalog, type Catalog } from "./catalog.server";
import { appliedMigrations } from "./dump.server";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupFormatError, isControlLine, type BackupHeader, type ControlLine } from "./format.server";
import { migrationsUpTo } from "./migrations-prefix.server";

const BATCH_ROWS = 500;
const BATCH_BYTES = 2 * 1024 * 1024;

/** A restore that would overwrite data or cannot fit: its message is German and shown as is. */
export class RestoreRefusedError extends Error {}

export type RestoreSummary = { tables: Record<string, number>; rows: number; ms: number; triggers: "replica" | "disabled" };

export async function restoreBackup(handle: DatabaseHandle, input: Readable, options: { force?: boolean } = {}): Promise<RestoreSummary> {
  const started = Date.now();
  const gunzip = createGunzip();
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  input.on("error", (error) => gunzip.destroy(error));
  const header = parseHeader(await nextLine(lines));

  await bringSchemaTo(handle, header);
  const catalog = await readCatalog(handle.db);
  const filled = await nonEmptyTables(handle, catalog);
  if (filled.length && !options.force) {
    throw new RestoreRefusedError(
      `Die Zieldatenbank ist nicht leer (${filled.slice(0, 5).join(", ")}${filled.length > 5 ? " …" : ""}). ` +
        `Eine Wiederherstellung ersetzt alle Daten; dafür --force angeben.`,
    );
  }
  const summary: RestoreSummary = { tables: {}, rows: 0, ms: 0, triggers: "replica" };
  await handle.db.transaction(async (tx) => {
    if (filled.length) await tx.execute(sql.raw(`truncate ${catalog.tables.map((t) => quoteIdent(t.name)).join(", ")} restart identity cascade`));
    summary.triggers = await switchOffTriggers(tx, catalog);
    await loadRows(tx, catalog, lines, summary);
    // Restored sessions would sign people in on the restored copy: everyone signs in again.
    if (catalog.tables.some((t) => t.name === "sessions")) await tx.execute(sql`delete from sessions`);
    if (summary.triggers === "disabled") {
      for (const table of catalog.tables) await tx.execute(sql.raw(`alter table ${quoteIdent(table.name)} enable trigger user`));
    }
  });
  await applyMigrations(handle);
  summary.ms = Date.now() - started;
  return summary;
}

async function nextLine(lines: AsyncIterator<string>) {
  const { value, done } = await lines.next();
  if (done) throw new BackupFormatError("Die Sicherungsdatei endet vorzeitig.");
  return value;
}

function parseHeader(line: string): BackupHeader {
  let header: BackupHeader;
  try {
    header = JSON.parse(line) as BackupHeader;
  } catch {
    throw new BackupFormatError("Das ist keine Sicherungsdatei des Portals.");
  }
  if (header["@"] !== "header" || header.format !== BACKUP_FORMAT) throw new BackupFormatError("Das ist keine Sicherungsdatei des Portals.");
  if (header.version !== BACKUP_VERSION) throw new BackupFormatError(`Sicherungsformat ${header.version} wird nicht unterstützt (erwartet ${BACKUP_VERSION}).`);
  return header;
}

/** The target gets exactly the backup's migrations before the rows go in; newer ones afterwards. */
async function bringSchemaTo(handle: DatabaseHandle, header: BackupHeader) {
  const known = readMigrationFiles({ migrationsFolder: migrationsFolder() });
  const wanted = header.migrations.map((m) => m.hash);
  if (wanted.length > known.length || wanted.some((hash, i) => known[i].hash !== hash)) {
    throw new RestoreRefusedError(
      `Die Sicherung gehört zu einem anderen oder neueren Stand des Portals (${wanted.length} Migrationen, dieser Stand kennt ${known.length}). ` +
        `Bitte mit der Version wiederherstellen, die die Sicherung geschrieben hat.`,
    );
  }
  const applied = (await appliedMigrations(handle.db)).map((m) => m.hash);
  if (applied.length > wanted.length || applied.some((hash, i) => wanted[i] !== hash)) {
    throw new RestoreRefusedError(
      `Die Zieldatenbank ist schon auf einem neueren Stand (${applied.length} Migrationen) als die Sicherung (${wanted.length}). ` +
        `Bitte in eine neue, leere Datenbank wiederherstellen; das Portal migriert sie danach selbst.`,
    );
  }
  if (applied.length < wanted.length) {
    const prefix = migrationsUpTo(wanted.length);
    try {
      await applyMigrations(handle, prefix.folder);
    } finally {
      prefix.remove();
    }
  }
}

async function nonEmptyTables(handle: DatabaseHandle, catalog: Catalog) {
  if (!catalog.tables.length) return [];
  const probes = catalog.tables.map((t) => `select ${sqlString(t.name)} as name where exists (select 1 from ${quoteIdent(t.name)})`).join(" union all ");
  return (await queryRows<{ name: string }>(handle.db, sql.raw(probes))).map((row) => row.name);
}

function sqlString(value: string) {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Guard triggers (closed votes, append-only logs) and foreign-key checks must not judge restored
 * rows: session_replication_role = replica switches both off for this transaction. It needs a
 * superuser (PGlite always is); otherwise each table's user triggers are disabled instead (needs
 * the owner) and foreign keys are satisfied by the parents-first order.
 */
async function switchOffTriggers(tx: Transaction, catalog: Catalog): Promise<"replica" | "disabled"> {
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(sql`set local session_replication_role = replica`);
    });
    return "replica";
  } catch {
    for (const table of catalog.tables) await tx.execute(sql.raw(`alter table ${quoteIdent(table.name)} disable trigger user`));
    return "disabled";
  }
}

async function loadRows(tx: Transaction, catalog: Catalog, lines: AsyncIterator<string>, summary: RestoreSummary) {
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const sequences = new Set(catalog.sequences);
  let current: { name: string; columns: string[]; rows: number } | undefined;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (!current || !batch.length) return;
    const columns = current.columns.map(quoteIdent).join(", ");
    const table = quoteIdent(current.name);
    await tx.execute(
      sql`${sql.raw(`insert into ${table} (${columns}) overriding system value select ${columns} from json_populate_recordset(null::${table}, `)}${`[${batch.join(",")}]`}${sql.raw("::json)")}`,
    );
    batch = [];
    batchBytes = 0;
  };
  for (;;) {
    const line = await nextLine(lines);
    if (!isControlLine(line)) {
      if (!current) throw new BackupFormatError("Zeile ohne Tabelle in der Sicherungsdatei.");
      batch.push(line);
      batchBytes += line.length;
      current.rows += 1;
      if (batch.length >= BATCH_ROWS || batchBytes >= BATCH_BYTES) await flush();
      continue;
    }
    const control = JSON.parse(line) as ControlLine;
    if (control["@"] === "table") {
      const target = tables.get(control.name);
      const missing = control.columns.filter((c) => !target?.columns.includes(c));
      if (!target || missing.length) {
        throw new RestoreRefusedError(`Tabelle ${control.name}${missing.length ? ` (Spalten ${missing.join(", ")})` : ""} gibt es in der Zieldatenbank nicht.`);
      }
      current = { name: control.name, columns: control.columns, rows: 0 };
    } else if (control["@"] === "end") {
      await flush();
      if (!current || current.name !== control.name || current.rows !== control.rows) {
        throw new BackupFormatError(`Tabelle ${control.name}: ${current?.rows ?? 0} statt ${control.rows} Zeilen in der Datei.`);
      }
      summary.tables[current.name] = current.rows;
      summary.rows += current.rows;
      current = undefined;
    } else if (control["@"] === "sequence") {
      if (sequences.has(control.name)) {
        await tx.execute(sql`select setval(${`public.${quoteIdent(control.name)}`}::regclass, ${control.value}::bigint, ${control.called})`);
      }
    } else if (control["@"] === "done") {
      if (control.rows !== summary.rows) throw new BackupFormatError("Die Sicherungsdatei ist unvollständig.");
      return;
    }
  }
}
