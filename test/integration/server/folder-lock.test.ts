import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { acquireFolderLock, FolderLockedError, LOCK_MARKER, lockPath, processStartTime, readLock } from "../../../db/folder-lock.server";
import { commentWrites } from "../../load/scenarios/comments";
import { get } from "../../load/support/http";
import { createPortal, type Portal } from "../../load/support/portal";
import { driveWriters, verifyWriters, writerSetup } from "../../load/support/writers";
import { runScript } from "../../support/processes";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const onPglite = !process.env.TEST_DATABASE_URL;

function scratchFolder() {
  return path.join(ROOT, "tmp/test/dbs", `lock-${randomBytes(5).toString("hex")}`);
}

describe("the lock file itself", () => {
  it("is created atomically and refused to a second holder, naming the folder and the process", () => {
    const folder = scratchFolder();
    const lock = acquireFolderLock(folder);
    try {
      const info = readLock(folder);
      expect(info).toMatchObject({ marker: LOCK_MARKER, pid: process.pid, dataDir: folder });
      expect(info?.processStart).toBe(processStartTime(process.pid));
      expect(() => acquireFolderLock(folder)).toThrow(FolderLockedError);
      expect(() => acquireFolderLock(folder)).toThrow(new RegExp(`Der Datenordner ${folder} wird bereits vom Prozess ${process.pid} `));
    } finally {
      lock.release();
    }
    expect(existsSync(lockPath(folder))).toBe(false);
  });

  it("takes over the lock of a dead process and of a reused PID, never that of a live portal process", async () => {
    const folder = scratchFolder();
    const template = {
      marker: LOCK_MARKER,
      startedAt: new Date().toISOString(),
      host: (await import("node:os")).hostname(),
      command: "node server.mjs",
      dataDir: folder,
      secret: "x",
    };
    // A process that has exited: its PID is free.
    const dead = spawn("node", ["-e", ""]);
    await new Promise((resolve) => dead.once("exit", resolve));
    writeFileSync(lockPath(folder), JSON.stringify({ ...template, pid: dead.pid, processStart: "1" }));
    acquireFolderLock(folder).release();
    // A live process whose start time differs from the one recorded: the PID was reused by someone else.
    const other = spawn("sleep", ["30"]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      writeFileSync(lockPath(folder), JSON.stringify({ ...template, pid: other.pid, processStart: "1" }));
      acquireFolderLock(folder).release();
      // The same live process, recorded with its own start time: still held.
      writeFileSync(lockPath(folder), JSON.stringify({ ...template, pid: other.pid, processStart: processStartTime(other.pid!) }));
      expect(() => acquireFolderLock(folder)).toThrow(`vom Prozess ${other.pid} (node server.mjs`);
      expect(readFileSync(lockPath(folder), "utf8")).toContain(`"pid":${other.pid}`);
    } finally {
      other.kill("SIGKILL");
    }
    // A file without the marker that is not being written right now (older than a few seconds) is stale as well.
    writeFileSync(lockPath(folder), "");
    const { utimesSync } = await import("node:fs");
    utimesSync(lockPath(folder), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    acquireFolderLock(folder).release();
  });
});

let portal: Portal | undefined;
afterAll(() => portal?.dispose());

describe.skipIf(!onPglite)("two processes on one PGlite folder", () => {
  it("the second server and every tool exit non-zero with a German message; nothing acknowledged is lost", { timeout: 600_000 }, async () => {
    const { setup, prepare } = writerSetup([commentWrites], 4);
    portal = await createPortal({ pgTemplate: inject("pgTemplate"), prepare });
    const current = portal;
    const dataDir = current.dataDir!;
    const firstPid = current.pid();
    const writing = driveWriters(current, setup, 3_000);

    // A second server on the same folder (e.g. `npm run demo` in another terminal) refuses to start.
    const second = await runScript(["server.mjs"], { DATA_DIR: dataDir, DATABASE_URL: "", PORT: "0" }, { tsx: false });
    expect(second.code, second.output).toBe(1);
    expect(second.output).toContain(`Der Datenordner ${path.resolve(dataDir)} wird bereits vom Prozess ${firstPid} (node server.mjs`);
    expect(second.output).toContain("beenden Sie zuerst den laufenden Prozess");
    // So do the tools that open the folder.
    for (const tool of [
      ["db/migrate.ts"],
      ["db/seed.ts", "--if-empty"],
      ["scripts/create-admin.ts", "--email", "zweit@stadt.example", "--name", "Zweiter Prozess"],
    ]) {
      const result = await runScript(tool, { DATA_DIR: dataDir, DATABASE_URL: "", DEMO_MODE: "true" });
      expect(result.code, `${tool[0]}: ${result.output}`).not.toBe(0);
      expect(result.output, tool[0]).toContain(`Der Datenordner ${path.resolve(dataDir)} wird bereits vom Prozess ${firstPid}`);
    }
    await writing;
    const acked = setup.acks.get(commentWrites.name)!;
    expect(acked.length, "der erste Prozess hat geschrieben").toBeGreaterThan(0);

    // After a restart the first process's acknowledged comments are all there.
    await current.stop();
    expect(current.exitCode()).toBe(0);
    expect(existsSync(lockPath(dataDir)), "die Sperre ist freigegeben").toBe(false);
    await current.start();
    const state = setup.states.get(commentWrites.name) as { slug: string };
    let shown = false;
    for (let pageNumber = 1; pageNumber <= 20 && !shown; pageNumber++) {
      const page = await get(current.url, `/themen/${state.slug}?seite=${pageNumber}`, { cookie: setup.members[0].cookie });
      shown = page.text.includes(`${acked.at(-1)!.key}:`);
    }
    expect(shown, "der zuletzt bestätigte Beitrag ist nach dem Neustart zu sehen").toBe(true);

    // A killed process leaves its lock behind; the next start takes it over (the PID is dead).
    await current.kill();
    expect(readLock(dataDir)?.pid).toBe(current.pid());
    await current.start();
    expect(readLock(dataDir)?.pid).toBe(current.pid());
    await current.stop();
    await verifyWriters(current, setup);
  });
});
