import { createServer } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { consultations, oparlSyncCursors, oparlSyncRuns, papers } from "../../../db/schema";
import { SourceClient } from "../../../app/oparl/import/client.server";
import { enqueueScheduledSyncIfDue, enqueueSync, getSourceSetting, runQueuedSyncs, saveSourceSetting } from "../../../app/oparl/import/runs.server";
import { resetEnv } from "../../../app/env.server";
import { createUser } from "../../support/fixtures";
import { lastSyncRun, startFixtureRis, type FixtureRis } from "./fixture-ris";

let ris: FixtureRis;
const WORKER = { backoffMs: 5, retries: 1, timeoutMs: 5000 };

beforeAll(async () => {
  ris = await startFixtureRis();
  const admin = await createUser("admin");
  await saveSourceSetting({ actorId: admin.id, systemUrl: ris.systemUrl, bodyUrl: null });
});
afterAll(async () => {
  await ris?.close();
});

describe("an outage in the middle of a sync", () => {
  it("keeps every fully processed page, records the failure, and resumes at the first unprocessed page", async () => {
    ris.failures.set("/oparl/body/1/paper?page=2", Infinity);
    await enqueueSync({ actorId: null, trigger: "schedule" });
    await runQueuedSyncs(WORKER);
    const failed = await lastSyncRun();
    expect(failed.state).toBe("failed");
    expect(failed.error).toContain("page=2");
    expect(failed.counts.paper.created).toBe(2); // page 1 is in, whole: papers with their Gremienweg
    const statement = (await db.select().from(papers).where(eq(papers.reference, "ST/0020/2025")))[0];
    expect(await db.select().from(consultations).where(eq(consultations.paperId, statement.id))).toHaveLength(1);
    expect(await db.select().from(papers).where(eq(papers.reference, "0815/2025"))).toEqual([]);
    const [cursor] = await db
      .select()
      .from(oparlSyncCursors)
      .where(eq(oparlSyncCursors.listUrl, `${ris.url}/oparl/body/1/paper`));
    expect(cursor.resumeUrl).toBe(`${ris.url}/oparl/body/1/paper?page=2`);

    ris.failures.clear();
    ris.requests.length = 0;
    await enqueueSync({ actorId: null, trigger: "schedule" });
    await runQueuedSyncs(WORKER);
    expect((await lastSyncRun()).state).toBe("succeeded");
    expect(ris.requests).toContain("/oparl/body/1/paper?page=2");
    expect(ris.requests).not.toContain("/oparl/body/1/paper"); // page 1 is not fetched again
    expect(await db.select().from(papers).where(eq(papers.reference, "0815/2025"))).toHaveLength(1);
    const [done] = await db
      .select()
      .from(oparlSyncCursors)
      .where(eq(oparlSyncCursors.listUrl, `${ris.url}/oparl/body/1/paper`));
    expect(done.resumeUrl).toBeNull();
    expect(done.since).not.toBeNull();
    // The hourly schedule queues a run only once the last one is an interval old.
    expect(await enqueueScheduledSyncIfDue(new Date())).toBe("not-due");
    expect(await enqueueScheduledSyncIfDue(new Date(Date.now() + 2 * 3600_000))).toBe("queued");
    expect(await enqueueScheduledSyncIfDue(new Date(Date.now() + 4 * 3600_000))).toBe("busy");
  });
});

describe("the source client", () => {
  it("never leaves the configured host, bounds the body size and follows no redirect elsewhere", async () => {
    const server = createServer((request, response) => {
      if (request.url === "/big") response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ data: "x".repeat(5000) }));
      else if (request.url === "/away") response.writeHead(302, { Location: "http://elsewhere.invalid/oparl" }).end();
      else if (request.url === "/slow") setTimeout(() => response.end("{}"), 1000);
      else if (request.url === "/raw") response.writeHead(200).end('{"name":"Ausschuss\tfür\u0001Digitales\nund Organisation"}');
      else response.writeHead(200).end("{}");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    const client = new SourceClient({ systemUrl: `http://127.0.0.1:${port}/`, maxBytes: 1000, timeoutMs: 10_000, retries: 0 });
    const impatient = new SourceClient({ systemUrl: `http://127.0.0.1:${port}/`, timeoutMs: 200, retries: 0 });
    try {
      expect(await client.getJson(`http://127.0.0.1:${port}/big`)).toMatchObject({ ok: false, reason: "Antwort zu groß" });
      expect(await client.getJson(`http://127.0.0.1:${port}/away`)).toMatchObject({ ok: false });
      expect(await impatient.getJson(`http://127.0.0.1:${port}/slow`)).toMatchObject({ ok: false, reason: "Zeitüberschreitung" });
      expect(await client.getJson("http://elsewhere.invalid/oparl")).toMatchObject({ ok: false });
      expect(await client.getJson(`http://127.0.0.1:${port + 1}/other-port`)).toMatchObject({ ok: false });
      expect(client.requests).toBe(2); // the foreign URLs were never requested
      expect(await client.getJson(`http://127.0.0.1:${port}/ok`)).toMatchObject({ ok: true, json: {} });
      // Raw control characters inside JSON strings (invalid JSON, seen in real RIS output) become spaces.
      expect(await client.getJson(`http://127.0.0.1:${port}/raw`)).toMatchObject({ ok: true, json: { name: "Ausschuss für Digitales und Organisation" } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("one sync at a time", () => {
  it("two workers (two processes' job runners) take a queued run once; a second request while one is queued is refused", async () => {
    await runQueuedSyncs(WORKER); // the run the schedule queued above
    expect(await enqueueSync({ actorId: null, trigger: "manual" })).toBe("queued");
    expect(await enqueueSync({ actorId: null, trigger: "manual" })).toBe("busy");
    const before = (await db.select({ id: oparlSyncRuns.id }).from(oparlSyncRuns)).length;
    ris.requests.length = 0;
    const ran = await Promise.all([runQueuedSyncs(WORKER), runQueuedSyncs(WORKER)]);
    expect(ran.sort()).toEqual([0, 1]);
    expect(ris.requests.filter((path) => path === "/oparl/system")).toHaveLength(1);
    expect((await db.select({ id: oparlSyncRuns.id }).from(oparlSyncRuns)).length).toBe(before);
    expect((await lastSyncRun()).state).toBe("succeeded");
  });

  it("takes the source from OPARL_SOURCE_URL over the one set in /admin", async () => {
    const admin = await createUser("admin");
    await saveSourceSetting({ actorId: admin.id, systemUrl: "https://ris.invalid/oparl/system", bodyUrl: null });
    expect(await getSourceSetting()).toMatchObject({ systemUrl: "https://ris.invalid/oparl/system", fromEnv: false });
    process.env.OPARL_SOURCE_URL = ris.systemUrl;
    resetEnv();
    try {
      expect(await getSourceSetting()).toEqual({ systemUrl: ris.systemUrl, bodyUrl: null, fromEnv: true });
      await enqueueSync({ actorId: null, trigger: "manual" });
      await runQueuedSyncs(WORKER);
      expect(await lastSyncRun()).toMatchObject({ state: "succeeded", sourceUrl: ris.systemUrl });
    } finally {
      delete process.env.OPARL_SOURCE_URL;
      resetEnv();
    }
  });
});
