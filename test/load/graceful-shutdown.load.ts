import { request } from "node:http";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { availableScenarios } from "./scenarios";
import { serverErrors, summary } from "./support/load";
import { createPortal, type Portal } from "./support/portal";
import { ackCounts, CLIENTS, driveWriters, DURATION_MS, verifyWriters, writerSetup } from "./support/writers";

let portal: Portal | undefined;
afterAll(() => portal?.dispose());

describe("graceful shutdown", () => {
  it("SIGTERM under write load: requests in flight finish, no 5xx, exit 0, every acknowledged write is stored", async () => {
    const { setup, prepare } = writerSetup(availableScenarios(), CLIENTS);
    // The bound is generous here: on a loaded two-core machine a comment post can take over 10 s
    // (the production default); what is tested is that requests in flight are finished at all.
    portal = await createPortal({ pgTemplate: inject("pgTemplate"), prepare, env: { SHUTDOWN_TIMEOUT_SECONDS: "60" } });
    const current = portal;

    const load = driveWriters(current, setup, DURATION_MS, 200);
    const acknowledged = () => [...setup.acks.values()].reduce((sum, acks) => sum + acks.length, 0);
    const latest = Date.now() + DURATION_MS - 1000;
    while (acknowledged() < 20 && Date.now() < latest) await new Promise((resolve) => setTimeout(resolve, 50));
    const ackedBeforeTerm = acknowledged();
    // One request is surely in flight at the signal: its body arrives only afterwards.
    const { slug } = setup.states.get("Kommentare") as { slug: string };
    const slow = slowPost(
      current.url,
      `/themen/${slug}?index`,
      `intent=comment&body=${encodeURIComponent(`Langsamer Beitrag ${setup.run}`)}`,
      setup.members[0].cookie,
    );
    await slow.accepted;
    process.kill(current.pid()!, "SIGTERM");
    const signalled = Date.now();
    while (!current.output().includes("SIGTERM: nehme") && Date.now() - signalled < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
    slow.finish();
    const slowReply = await slow.reply;
    await current.stop(); // waits for the exit (a second SIGTERM is ignored)
    const result = await load;
    console.info(summary(`SIGTERM (${current.kind})`, result), ackCounts(setup));

    const log = current.output();
    expect(ackedBeforeTerm, "vor dem SIGTERM wurde schon geschrieben").toBeGreaterThan(0);
    expect(current.exitCode(), log).toBe(0);
    // The request in flight at the signal was answered and its write is stored.
    const inFlight = Number(/SIGTERM: nehme keine neuen Verbindungen mehr an, (\d+) Anfrage/.exec(log)?.[1] ?? -1);
    expect(inFlight, log).toBeGreaterThan(0);
    expect(slowReply.status, log.slice(-2000)).toBe(302);
    expect(slowReply.location).toMatch(/#comment-\d+$/);
    expect(log).not.toContain("nach Fristablauf");
    expect(log).toMatch(/Beendet nach \d+ ms/);
    // No accepted request is answered with a 5xx (the database is closed only after the last answer).
    expect(serverErrors(result), log.slice(-2000)).toEqual([]);
    // Everything acknowledged is stored; with PGlite, the folder lock is free again (withDb opens it).
    await verifyWriters(current, setup);
    const stored = await current.rows<{ n: number }>(sql`select count(*)::int as n from comments where body = ${`Langsamer Beitrag ${setup.run}`}`);
    expect(stored[0].n).toBe(1);
  });
});

/**
 * A form post whose headers go out now and whose body only when finish() is called. With
 * `Expect: 100-continue` the server answers "100 Continue" as it takes the request up, so
 * `accepted` tells that the server is working on it.
 */
function slowPost(base: string, path: string, body: string, cookie: string) {
  const url = new URL(path, base);
  let finish = () => {};
  let markAccepted = () => {};
  const accepted = new Promise<void>((resolve) => (markAccepted = resolve));
  const reply = new Promise<{ status: number; location: string | null }>((resolve) => {
    const req = request(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
        Cookie: cookie,
        // Like a browser: state-changing requests carry their Origin (decision 071).
        Origin: new URL(base).origin,
        Expect: "100-continue",
      },
    });
    req.on("continue", () => {
      req.write(body.slice(0, Math.floor(body.length / 2)));
      markAccepted();
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null }));
    });
    // No answer at all (the connection was closed on us): reported as status 0, so the log is shown.
    req.on("error", (error) => resolve({ status: 0, location: String(error) }));
    req.flushHeaders();
    finish = () => req.end(body.slice(Math.floor(body.length / 2)));
  });
  return { reply, accepted, finish: () => finish() };
}
