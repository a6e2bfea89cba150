import { afterAll, afterEach, beforeEach, expect, inject, vi } from "vitest";
import { useDatabaseHandle } from "../../db/client.server";
import { resetEnv } from "../../app/env.server";
import { createTestDatabase } from "./database";

// Files share their worker process (isolate: false in vitest.config.ts): each file starts with
// the environment the worker started with, whatever the file before it set.
const ENV_KEY = Symbol.for("digitalbeirat.test.workerEnv");
const worker = globalThis as unknown as { [ENV_KEY]?: Record<string, string | undefined> };
const startEnv = (worker[ENV_KEY] ??= { ...process.env });
for (const key of Object.keys(process.env)) if (!(key in startEnv)) delete process.env[key];
Object.assign(process.env, startEnv);
resetEnv();

// Each test file gets its own freshly migrated database (on PGlite: the worker's, emptied).
// Browser, unit and load tests do not use the one in their own process (servers have theirs): on
// PGlite it is loaded only if used after all. Everywhere else it is ready before the first
// test, so no test's time includes loading it.
const lazy = /[/\\]test[/\\](e2e|unit|load)[/\\]/.test(expect.getState().testPath ?? "");
const database = await createTestDatabase(inject("pgTemplate"), { lazy, reuse: true });
useDatabaseHandle(database.handle);

afterAll(async () => {
  await database.dispose();
});

// An unexpected console.error fails the test; call allowConsoleError() where one is expected.
let consoleErrors: unknown[][] = [];
let consoleErrorsAllowed = false;
beforeEach(() => {
  consoleErrors = [];
  consoleErrorsAllowed = false;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (!consoleErrorsAllowed && consoleErrors.length > 0) {
    throw new Error(`Unerwartetes console.error: ${consoleErrors.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});

export function allowConsoleError() {
  consoleErrorsAllowed = true;
}
