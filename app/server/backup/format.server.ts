// The backup file (decision record 052): gzip'd JSON lines. Control lines are objects whose first
// key is "@"; every other line is one row as PostgreSQL's row_to_json wrote it, passed through
// untouched (no JavaScript number ever holds a value, so bigints and numerics stay exact).
export const BACKUP_FORMAT = "digitalbeirat-sicherung";
export const BACKUP_VERSION = 1;

export type BackupHeader = {
  "@": "header";
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: "pglite" | "postgres";
  serverVersion: string;
  /** drizzle's applied migrations, oldest first: the schema the rows belong to. */
  migrations: { hash: string; createdAt: number }[];
};
export type TableLine = { "@": "table"; name: string; columns: string[] };
export type TableEndLine = { "@": "end"; name: string; rows: number };
export type SequenceLine = { "@": "sequence"; name: string; value: string; called: boolean };
export type TrailerLine = { "@": "done"; tables: number; rows: number };
export type ControlLine = BackupHeader | TableLine | TableEndLine | SequenceLine | TrailerLine;

export function isControlLine(line: string) {
  return line.startsWith('{"@":');
}

export class BackupFormatError extends Error {}
