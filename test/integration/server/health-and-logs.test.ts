import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startServer, type RunningServer } from "../../support/server";

const started: RunningServer[] = [];
afterAll(() => Promise.all(started.map((server) => server.stop())));

async function server(env: Record<string, string> = {}) {
  const running = await startServer(inject("pgTemplate"), { env });
  started.push(running);
  return running;
}

/** The server writes its log lines asynchronously to the pipe: wait until the line is there. */
async function logLine(running: RunningServer, requestId: string) {
  for (let i = 0; i < 100; i++) {
    const line = running
      .output()
      .split("\n")
      .find((l) => l.includes(requestId));
    if (line) return line;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`keine Logzeile für ${requestId}:\n${running.output()}`);
}

describe("health probes and request log", () => {
  it("/healthz and /readyz answer without a session; every response has a request id, logged once in plain text", { timeout: 120_000 }, async () => {
    const running = await server();
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    expect(health.headers.get("Cache-Control")).toBe("no-store");

    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; migrations: { applied: number; expected: number; current: boolean } };
    expect(body.status).toBe("ok");
    expect(body.migrations.current).toBe(true);
    expect(body.migrations.applied).toBe(body.migrations.expected);

    // An id the caller brings (a load balancer's) is kept; anything else is replaced by a fresh one.
    const tagged = await fetch(`${running.url}/themen?q=geheimer-suchbegriff&seite=1`, { headers: { "X-Request-Id": "lb-4711.abc" } });
    expect(tagged.status).toBe(200);
    expect(tagged.headers.get("X-Request-Id")).toBe("lb-4711.abc");
    const line = await logLine(running, "lb-4711.abc");
    expect(line).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z GET \/themen 200 \d+(\.\d)? ms id=lb-4711\.abc$/);
    expect(running.output()).not.toContain("geheimer-suchbegriff");

    const bogus = await fetch(`${running.url}/gibt-es-nicht`, { headers: { "X-Request-Id": "bad id\twith spaces" } });
    expect(bogus.status).toBe(404);
    const fresh = bogus.headers.get("X-Request-Id")!;
    expect(fresh).toMatch(/^[0-9a-f-]{36}$/);
    expect(await logLine(running, fresh)).toContain(`GET /gibt-es-nicht 404 `);
    expect(
      running
        .output()
        .split("\n")
        .filter((l) => l.includes(fresh)),
    ).toHaveLength(1);
  });

  it("LOG_FORMAT=json writes one JSON object per request", { timeout: 120_000 }, async () => {
    const running = await server({ LOG_FORMAT: "json" });
    const response = await fetch(`${running.url}/login?redirectTo=%2Fkonto`, {
      method: "POST",
      // Like any script, it names its origin (decision 071).
      headers: { Origin: running.url },
      body: new URLSearchParams({ email: "", password: "" }),
    });
    expect(response.status).toBe(400);
    const id = response.headers.get("X-Request-Id")!;
    const entry = JSON.parse(await logLine(running, id));
    expect(entry).toMatchObject({ level: "info", msg: "request", method: "POST", path: "/login", status: 400, requestId: id, aborted: false });
    expect(typeof entry.durationMs).toBe("number");
    expect(Date.parse(entry.time)).not.toBeNaN();
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)("/readyz is 503 while a migration of this build is missing in the database", { timeout: 120_000 }, async () => {
    const running = await server();
    const handle = running.database.handle;
    const [last] = (await handle.db.execute(
      sql`delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations) returning *`,
    )) as unknown as Record<string, unknown>[];
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { status: string }).status).toBe("migrations pending");
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    await handle.db.execute(
      sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last.id as number}, ${last.hash as string}, ${last.created_at as string})`,
    );
    expect((await fetch(`${running.url}/readyz`)).status).toBe(200);
  });
});
