import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { load } from "../../postgres-write-guard.mjs";

const connectionJs = path.resolve(import.meta.dirname, "../../node_modules/postgres/src/connection.js");

async function loadThroughGuard(url: string, source: string) {
  return load(url, {}, async () => ({ format: "module", source })) as Promise<{ source: string }>;
}

describe("postgres-write-guard", () => {
  it("patches the installed postgres.js: no write to a closed socket, teardown resets the write state", async () => {
    const original = readFileSync(connectionJs, "utf8");
    const { source } = await loadThroughGuard(`file://${connectionJs}`, original);
    expect(source).not.toBe(original);
    expect(source).toContain("if (!socket) {");
    expect(source.match(/\n {4}clearImmediate\(nextWriteTimer\)\n {4}chunk = nextWriteTimer = null/g)).toHaveLength(2);
  });

  it("leaves other modules and changed sources alone", async () => {
    expect((await loadThroughGuard("file:///x/node_modules/other/src/connection.js", "a")).source).toBe("a");
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect((await loadThroughGuard(`file://${connectionJs}`, "function nextWrite() {}")).source).toBe("function nextWrite() {}");
    } finally {
      console.warn = warn;
    }
  });
});
