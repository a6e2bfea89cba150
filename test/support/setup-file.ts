import { afterAll, afterEach, beforeEach, expect, inject, vi } from "vitest";
import { useDatabaseHandle } from "../../db/client.server";
import { createTestDatabase } from "./database";

// Each test file gets its own freshly migrated database. Browser and unit tests do not use the
// one in their own process (servers have theirs): on PGlite it is loaded only if used after all.
// Everywhere else it is ready before the first test, so no test's time includes loading it.
const lazy = /[/\\]test[/\\](e2e|unit)[/\\]/.test(expect.getState().testPath ?? "");
const database = await createTestDatabase(inject("pgTemplate"), { lazy });
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
