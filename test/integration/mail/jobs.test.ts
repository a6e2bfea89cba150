import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { jobs } from "../../../db/schema";
import { resetEnv } from "../../../app/env.server";
import * as jobsRoute from "../../../app/routes/admin.auftraege";
import { backoffSeconds, claimJobs, enqueueJob, markJobFailed, sweepExhaustedLeases } from "../../../app/server/jobs/queue.server";
import { registerJobHandler, registerSchedule } from "../../../app/server/jobs/registry.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { dailyAt, ensureScheduledJobs, mondaysAt } from "../../../app/server/jobs/schedule.server";
import { createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";

const calls: string[] = [];
let failuresLeft = 0;
registerJobHandler("test.record", async (payload) => {
  calls.push(String(payload.name));
});
registerJobHandler("test.flaky", async () => {
  if (failuresLeft-- > 0) throw new Error("SMTP weg");
  calls.push("flaky-ok");
});

afterEach(() => {
  calls.length = 0;
  delete process.env.JOB_BACKOFF_SECONDS;
  delete process.env.JOB_LEASE_SECONDS;
  resetEnv();
});

async function job(id: number) {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

describe("job table", () => {
  it("a job exists only if its transaction commits", async () => {
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, { kind: "test.record", payload: { name: "rolled-back" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    const id = await db.transaction((tx) => enqueueJob(tx, { kind: "test.record", payload: { name: "committed" } }));
    await runDueJobs();
    expect(calls).toEqual(["committed"]);
    expect((await job(id!)).state).toBe("done");
  });

  it("claims with SKIP LOCKED: two claimers never get the same job", async () => {
    for (let i = 0; i < 6; i++) await enqueueJob(db, { kind: "test.record", payload: { name: `j${i}` } });
    const [a, b] = await Promise.all([
      claimJobs({ workerId: "a", limit: 4, kinds: ["test.record"] }),
      claimJobs({ workerId: "b", limit: 4, kinds: ["test.record"] }),
    ]);
    const ids = [...a, ...b].map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
    await db.execute(sql`update jobs set state = 'done' where kind = 'test.record'`);
  });

  it("an expired lease makes a running job claimable again; after the last attempt it is kept as failed", async () => {
    process.env.JOB_LEASE_SECONDS = "5";
    resetEnv();
    const id = (await enqueueJob(db, { kind: "test.record", payload: { name: "lease" }, maxAttempts: 2 }))!;
    const [first] = await claimJobs({ workerId: "crashed", limit: 1, kinds: ["test.record"] });
    expect(first.id).toBe(id);
    expect(await claimJobs({ workerId: "other", limit: 1, kinds: ["test.record"] })).toHaveLength(0);
    await db.execute(sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`);
    const [again] = await claimJobs({ workerId: "other", limit: 1, kinds: ["test.record"] });
    expect(again.attempts).toBe(2);
    await db.execute(sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`);
    expect(await claimJobs({ workerId: "third", limit: 1, kinds: ["test.record"] })).toHaveLength(0);
    await sweepExhaustedLeases();
    const row = await job(id);
    expect(row.state).toBe("failed");
    expect(row.lastError).toContain("Lease abgelaufen");
  });

  it("retries with exponential backoff, keeps a job as failed after max attempts, and the admin retries it by POST", async () => {
    expect(backoffSeconds(1, 30, 0.5)).toBe(30);
    expect(backoffSeconds(3, 30, 0.5)).toBe(120);
    expect(backoffSeconds(30, 30, 0.5)).toBe(6 * 3600);
    const id = (await enqueueJob(db, { kind: "test.flaky", maxAttempts: 3 }))!;
    failuresLeft = 10;
    const [claimed] = await claimJobs({ workerId: "w", limit: 1, kinds: ["test.flaky"] });
    await markJobFailed({ job: claimed, workerId: "w", error: "SMTP weg" });
    const afterFirst = await job(id);
    expect(afterFirst.state).toBe("pending");
    const delay = (afterFirst.runAt.getTime() - Date.now()) / 1000;
    expect(delay).toBeGreaterThan(20);
    expect(delay).toBeLessThan(40);
    process.env.JOB_BACKOFF_SECONDS = "0.05";
    resetEnv();
    await db.execute(sql`update jobs set run_at = now() where id = ${id}`);
    for (let i = 0; i < 20 && (await job(id)).state !== "failed"; i++) {
      await runDueJobs();
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const failed = await job(id);
    expect(failed.state).toBe("failed");
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toContain("SMTP weg");

    const admin = await createUser("admin");
    const page = await (await callRoute(jobsRoute.loader, "/admin/auftraege", { user: admin })).json();
    expect(page.failed.map((j: { id: number }) => j.id)).toContain(id);
    const staff = await createUser("staff");
    expect((await callRoute(jobsRoute.action, "/admin/auftraege", { user: staff, form: { intent: "retry", id: String(id) } })).status).toBe(403);
    failuresLeft = 0;
    const retried = await callRoute(jobsRoute.action, "/admin/auftraege", { user: admin, form: { intent: "retry", id: String(id) } });
    expect(retried.status).toBe(200);
    await runDueJobs();
    expect((await job(id)).state).toBe("done");
    expect(calls).toContain("flaky-ok");
  });

  it("creates a scheduled job once per period, however many processes ask at once", async () => {
    registerSchedule(dailyAt("test.record", "07:00"));
    // 2026-12-02 06:59 Berlin = 05:59 UTC: not yet due; 07:00 Berlin: due, key for that date.
    await ensureScheduledJobs(new Date("2026-12-02T05:59:00Z"));
    expect(await db.select().from(jobs).where(eq(jobs.uniqueKey, "test.record:2026-12-02"))).toHaveLength(0);
    await Promise.all(Array.from({ length: 5 }, () => ensureScheduledJobs(new Date("2026-12-02T06:00:30Z"))));
    await ensureScheduledJobs(new Date("2026-12-02T20:00:00Z"));
    const rows = await db.select().from(jobs).where(eq(jobs.uniqueKey, "test.record:2026-12-02"));
    expect(rows).toHaveLength(1);
    expect(rows[0].runAt.toISOString()).toBe("2026-12-02T06:00:00.000Z");
    // Summer time: 07:00 Berlin is 05:00 UTC; weekly on Mondays.
    expect(dailyAt("x", "07:00").due(new Date("2026-07-01T05:00:00Z"))?.runAt.toISOString()).toBe("2026-07-01T05:00:00.000Z");
    expect(mondaysAt("x", "07:00").due(new Date("2026-12-03T12:00:00Z"))).toEqual({ period: "2026-11-30", runAt: new Date("2026-11-30T06:00:00Z") });
    // Monday 06:00 Berlin: this week's digest is not due yet.
    expect(mondaysAt("x", "07:00").due(new Date("2026-11-30T05:00:00Z"))).toBeNull();
    await db.execute(sql`update jobs set state = 'done' where kind = 'test.record'`);
  });
});
