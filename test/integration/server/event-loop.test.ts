import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";

describe("a long run of queries shares the process", () => {
  // On PGlite every query used to settle without an event-loop turn: a job querying for minutes
  // (the Markdown re-render of the 100 % bench board) kept the server from listening, answering
  // and handling SIGTERM until it was done.
  it("timers fire while one caller awaits query after query for 300 ms", async () => {
    let fired = 0;
    const timer = setInterval(() => (fired += 1), 1);
    const started = performance.now();
    let queries = 0;
    try {
      while (performance.now() - started < 300) {
        await db.execute(sql`select ${queries}::int`);
        queries += 1;
      }
    } finally {
      clearInterval(timer);
    }
    expect(queries).toBeGreaterThan(10);
    // The loop ends and clears the timer without a turn in between: every tick came during it.
    expect(fired).toBeGreaterThan(0);
  });
});
