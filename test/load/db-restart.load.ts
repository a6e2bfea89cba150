import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { availableScenarios } from "./scenarios";
import { bound, serverErrors, summary } from "./support/load";
import { createPortal, type Portal } from "./support/portal";
import { recoveryMs, startProbe } from "./support/probe";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";
import { ackCounts, CLIENTS, driveWriters, DURATION_MS, verifyWriters, writerSetup } from "./support/writers";

const OUTAGE_MS = bound("LOAD_OUTAGE_SECONDS", 4) * 1000;
const RECOVERY_LIMIT_MS = 10_000;
const serverUrl = process.env.TEST_DATABASE_URL;
const realRestart = process.env.LOAD_PG_RESTART !== "0";

let portal: Portal | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await portal?.dispose();
  await proxy?.close();
  portal = proxy = undefined;
});

/** Drives the writers while `outage` takes the database away, then checks the three promises. */
async function loadThroughOutage(label: string, databaseUrl: (name: string) => string, outage: (cookie: string) => Promise<number>) {
  const scenarios = availableScenarios();
  const { setup, prepare } = writerSetup(scenarios, CLIENTS);
  const name = `portal_load_${randomBytes(5).toString("hex")}`;
  portal = await createPortal({ pgTemplate: "", prepare, postgresUrl: { admin: serverUrl!, server: databaseUrl(name), name } });
  const probe = startProbe(`${portal.url}/?_data=root`, setup.members[0].cookie);
  const load = driveWriters(portal, setup, DURATION_MS, 200);
  await new Promise((resolve) => setTimeout(resolve, DURATION_MS / 4));
  const backAt = await outage(setup.members[1].cookie);
  const result = await load;
  await new Promise((resolve) => setTimeout(resolve, 500));
  await probe.stop();
  console.info(summary(label, result), ackCounts(setup), `wieder erreichbar nach ${recoveryMs(probe.samples, backAt)} ms`);
  console.info(timeline(probe.samples, backAt));

  expect(portal.running(), `der Server lebt noch:\n${portal.output()}`).toBe(true);
  expect(serverErrors(result, [503]), portal.output()).toEqual([]);
  // A restart may be over between two probes; then the writers' answers show the outage.
  const outageAnswers = probe.samples.filter((s) => s.status !== 200);
  expect(outageAnswers.length + (result.statuses["503"] ?? 0), "der Ausfall wurde mit 503 beantwortet").toBeGreaterThan(0);
  expect(outageAnswers.map((s) => s.status).filter((status) => status !== 503)).toEqual([]);
  expect(outageAnswers.every((s) => s.retryAfter === "5")).toBe(true);
  const recovered = recoveryMs(probe.samples, backAt);
  expect(recovered).not.toBeNull();
  expect(recovered!).toBeLessThan(RECOVERY_LIMIT_MS);
  await verifyWriters(portal, setup);
}

/** The probe's answers as "status from…to" runs, in ms relative to the database's return. */
function timeline(samples: Array<{ at: number; status: number }>, backAt: number) {
  const runs: string[] = [];
  for (const sample of samples) {
    const last = runs.at(-1);
    if (!last || !last.startsWith(`${sample.status} `)) runs.push(`${sample.status} ab ${sample.at - backAt} ms`);
  }
  return `Sonde (${samples.length} Anfragen; ms relativ zur Rückkehr der Datenbank): ${runs.join(", ")}`;
}

describe.skipIf(!serverUrl)("database outage (PostgreSQL)", () => {
  it("connection cut (proxy): 503 with Retry-After meanwhile, recovers by itself, no acknowledged write lost", async () => {
    proxy = await startTcpProxy({ host: new URL(serverUrl!).hostname, port: Number(new URL(serverUrl!).port || 5432) });
    const viaProxy = (name: string) => {
      const url = new URL(serverUrl!);
      url.port = String(proxy!.port);
      url.pathname = `/${name}`;
      return url.toString();
    };
    await loadThroughOutage("Verbindung getrennt", viaProxy, async (cookie) => {
      await proxy!.cut();
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
      // A page as the browser gets it: the German retry page with status 503, no JavaScript needed.
      const page = await fetch(`${portal!.url}/themen`, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(10_000) });
      const html = await page.text();
      expect(page.status).toBe(503);
      expect(page.headers.get("Retry-After")).toBe("5");
      expect(html).toContain("Vorübergehend nicht erreichbar");
      expect(html).toContain('"status":503');
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS / 2));
      await proxy!.restore();
      return Date.now();
    });
  });

  it.skipIf(!realRestart)("PostgreSQL restart (pg_ctlcluster): 503 meanwhile, recovers by itself, no acknowledged write lost", async () => {
    const direct = (name: string) => {
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      return url.toString();
    };
    await loadThroughOutage("PostgreSQL-Neustart", direct, async () => {
      const [version] = readdirSync("/etc/postgresql");
      await promisify(execFile)("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "restart"]);
      return Date.now();
    });
  });
});
