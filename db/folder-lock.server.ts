// One process per PGlite data folder (decision record 050). PGlite has no lock of its own: two
// processes on one folder both start, each sees only its own writes, and one of them loses its
// acknowledged writes at the next start. The lock is a file next to the folder (`<folder>.lock`),
// created atomically with O_EXCL; it names the process holding it.
import { randomBytes } from "node:crypto";
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export const LOCK_MARKER = "digitalbeirat-portal/pglite-lock/1";

export type LockInfo = {
  marker: string;
  pid: number;
  /** Kernel start time of the process (clock ticks since boot, /proc/PID/stat field 22): tells a reused PID apart. */
  processStart: string | null;
  startedAt: string;
  host: string;
  command: string;
  dataDir: string;
  /** Shared with tools on this machine through the file (mode 0600): asks the holder for a backup. */
  secret: string;
  /** Set by a server once it listens: where the holder answers on loopback. */
  port?: number;
};

export class FolderLockedError extends Error {
  code = "PORTAL_DB_LOCKED";
  constructor(
    readonly dataDir: string,
    readonly holder: LockInfo | null,
  ) {
    super(lockedMessage(dataDir, holder));
  }
}

function lockedMessage(dataDir: string, holder: LockInfo | null) {
  const who = holder
    ? `vom Prozess ${holder.pid} (${holder.command}, gestartet ${holder.startedAt}${holder.port ? `, Port ${holder.port}` : ""})`
    : "von einem anderen Prozess, der die Sperre gerade anlegt";
  return (
    `Der Datenordner ${dataDir} wird bereits ${who} benutzt. ` +
    `Ein zweiter Prozess auf demselben PGlite-Ordner würde Daten verlieren; beenden Sie zuerst den laufenden Prozess ` +
    `oder nutzen Sie für mehrere Prozesse PostgreSQL (DATABASE_URL).`
  );
}

export function lockPath(dataDir: string) {
  return `${path.resolve(dataDir)}.lock`;
}

/** The kernel's start time of a process, or null where /proc is not there. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 2 (comm) is in parentheses and may contain spaces: count from the last ')'.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as LockInfo;
    return info && info.marker === LOCK_MARKER && Number.isInteger(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/**
 * Whether the lock file's holder is a live process of this portal. A dead PID, a PID now used by
 * another process (different start time) or a file without our marker (older than a few seconds,
 * so not one being written right now) is stale.
 */
function holderState(file: string): { state: "held" | "stale" | "missing"; info: LockInfo | null } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { state: "missing", info: null };
  }
  let info: LockInfo | null = null;
  try {
    info = JSON.parse(text) as LockInfo;
  } catch {
    info = null;
  }
  if (!info || info.marker !== LOCK_MARKER || !Number.isInteger(info.pid)) {
    const age = Date.now() - statSafe(file);
    return { state: age < 5_000 ? "held" : "stale", info: null };
  }
  if (info.host !== hostname()) return { state: "held", info }; // a shared folder: we cannot check another machine
  if (!isAlive(info.pid)) return { state: "stale", info };
  const start = processStartTime(info.pid);
  if (start !== null && info.processStart !== null && start !== info.processStart) return { state: "stale", info };
  return { state: "held", info };
}

function statSafe(file: string) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** The live portal process holding the folder, or null when the folder is free (or its lock stale). */
export function liveHolder(dataDir: string): LockInfo | null {
  const { state, info } = holderState(lockPath(dataDir));
  return state === "held" ? info : null;
}

export type FolderLock = { info: LockInfo; file: string; update: (changes: Partial<LockInfo>) => void; release: () => void };

const held = new Map<string, FolderLock>();

/** Takes the lock on a PGlite folder for this process, or throws FolderLockedError. Synchronous. */
export function acquireFolderLock(dataDir: string): FolderLock {
  const resolved = path.resolve(dataDir);
  const file = lockPath(resolved);
  const mine = held.get(file);
  if (mine) throw new FolderLockedError(resolved, mine.info); // a second handle in this process would diverge too
  mkdirSync(path.dirname(file), { recursive: true });
  const info: LockInfo = {
    marker: LOCK_MARKER,
    pid: process.pid,
    processStart: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
    host: hostname(),
    command: commandLine(),
    dataDir: resolved,
    secret: randomBytes(32).toString("base64url"),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      try {
        writeSync(fd, JSON.stringify(info));
      } finally {
        closeSync(fd);
      }
      return remember(file, info);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const { state, info: holder } = holderState(file);
    if (state === "held") throw new FolderLockedError(resolved, holder);
    if (state === "stale") takeOverStale(file);
  }
  throw new FolderLockedError(resolved, readLock(resolved));
}

/**
 * Removes a stale lock so the next O_EXCL create can win. Two processes finding the same stale
 * lock must not remove each other's fresh one: the one that moves the file aside first (rename
 * is atomic) removes it; the other finds either nothing to move or a live holder on its next try.
 */
function takeOverStale(file: string) {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  // Another process may have created a fresh lock between our check and the rename: put it back.
  const { state } = holderState(aside);
  if (state === "held") {
    try {
      linkSync(aside, file); // fails if a lock exists again: never overwrites one
    } catch {
      // the next attempt decides
    }
    unlinkQuietly(aside);
    return;
  }
  unlinkQuietly(aside);
}

function unlinkQuietly(file: string) {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function remember(file: string, info: LockInfo): FolderLock {
  const lock: FolderLock = {
    info,
    file,
    update(changes) {
      Object.assign(info, changes);
      if (held.get(file) !== lock) return;
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(info), { mode: 0o600 });
      renameSync(temporary, file); // readers see the old or the new content, never half of it
    },
    release() {
      if (held.get(file) !== lock) return;
      held.delete(file);
      const current = readLock(info.dataDir);
      if (current && current.pid === process.pid && current.secret === info.secret) unlinkQuietly(file);
    },
  };
  held.set(file, lock);
  return lock;
}

function commandLine() {
  const script = process.argv[1] ? path.relative(process.cwd(), process.argv[1]) || process.argv[1] : "";
  return [path.basename(process.argv0), script].filter(Boolean).join(" ");
}

/** The locks this process holds (the server publishes its port in them). */
export function heldLocks(): FolderLock[] {
  return [...held.values()];
}

// A process that exits without closing its database (crash, process.exit) still removes its lock
// file; a killed one leaves it, and the next start finds the PID dead and takes it over.
process.once("exit", () => {
  for (const lock of heldLocks()) lock.release();
});
