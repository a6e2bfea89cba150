// Writes a backup of the whole database (decision record 052) inside one read-only REPEATABLE READ
// transaction, so it is consistent while requests go on (on PostgreSQL without blocking them; on
// PGlite the process's one connection is busy for the duration).
import { once } from "node:events";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import { queryRows, type DatabaseHandle, type Executor } from "#db/client.server";
import { quoteIdent, readCatalog } from "./catalog.server";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type ControlLine } from "./format.server";

const FETCH_ROWS = 2_000;
/** Rows of a table with bytea (256 KiB file chunks, twice that as hex): a few per fetch. */
const FETCH_BINARY_ROWS = 8;

export type BackupSummary = { tables: Record<string, number>; rows: number; ms: number };

export async function appliedMigrations(executor: Executor) {
  const [exists] = await queryRows<{ present: boolean }>(executor, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists?.present) return [];
  const rows = await queryRows<{ hash: string; created_at: string }>(
    executor,
    sql`select hash, created_at::text from drizzle.__drizzle_migrations order by id`,
  );
  return rows.map((row) => ({ hash: row.hash, createdAt: Number(row.created_at) }));
}

/** Streams the backup, gzip'd, into `out` and ends it. */
export async function writeBackup(handle: DatabaseHandle, out: Writable): Promise<BackupSummary> {
  const started = Date.now();
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const finished = once(out, "finish");
  const write = async (line: string) => {
    if (!gzip.write(line + "\n")) await once(gzip, "drain");
  };
  const control = (line: ControlLine) => write(JSON.stringify(line));
  const summary: BackupSummary = { tables: {}, rows: 0, ms: 0 };
  try {
    await handle.db.transaction(
      async (tx) => {
        const [{ server_version: serverVersion }] = await queryRows<{ server_version: string }>(tx, sql`show server_version`);
        const header: BackupHeader = {
          "@": "header",
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          createdAt: new Date().toISOString(),
          source: handle.kind,
          serverVersion,
          migrations: await appliedMigrations(tx),
        };
        await control(header);
        const catalog = await readCatalog(tx);
        for (const table of catalog.tables) {
          await control({ "@": "table", name: table.name, columns: table.columns });
          const columns = table.columns.map(quoteIdent).join(", ");
          const order = table.primaryKey.length ? ` order by ${table.primaryKey.map(quoteIdent).join(", ")}` : "";
          await tx.execute(
            sql.raw(
              `declare portal_backup no scroll cursor for select row_to_json(r)::text as j from (select ${columns} from ${quoteIdent(table.name)}${order}) r`,
            ),
          );
          let count = 0;
          const fetchRows = table.binary ? FETCH_BINARY_ROWS : FETCH_ROWS;
          for (;;) {
            const rows = await queryRows<{ j: string }>(tx, sql.raw(`fetch forward ${fetchRows} from portal_backup`));
            // One write per fetch: a write per row spent more time in the stream than in the database.
            if (rows.length) await write(rows.map((row) => row.j).join("\n"));
            count += rows.length;
            if (rows.length < fetchRows) break;
          }
          await tx.execute(sql.raw("close portal_backup"));
          await control({ "@": "end", name: table.name, rows: count });
          summary.tables[table.name] = count;
          summary.rows += count;
        }
        for (const name of catalog.sequences) {
          const [state] = await queryRows<{ value: string; called: boolean }>(
            tx,
            sql.raw(`select last_value::text as value, is_called as called from ${quoteIdent(name)}`),
          );
          await control({ "@": "sequence", name, value: state.value, called: state.called });
        }
        await control({ "@": "done", tables: catalog.tables.length, rows: summary.rows });
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
  } catch (error) {
    gzip.destroy(error as Error);
    throw error;
  }
  gzip.end();
  await finished;
  summary.ms = Date.now() - started;
  return summary;
}
