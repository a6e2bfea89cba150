// npm run bench: generates the board at 1 % and 100 % on PGlite and the local PostgreSQL, then
// measures the main pages with autocannon on loopback. Settings (environment):
//   BENCH_QUICK=1            2 s per measurement and a fifth of the data (a few minutes)
//   BENCH_SCALE=0.5          size of the "100 %" board (default 1 = issue 7's figures)
//   BENCH_DURATION=3         seconds per measurement
//   BENCH_CONNECTIONS=10,50  BENCH_BACKENDS=pglite,postgres  BENCH_PG_URL=postgres://postgres@127.0.0.1:5432
//   BENCH_ONLY=files         only document upload/download throughput (5 and 20 MB), at the 1 % board
//   BENCH_ONLY=small         only the 1 % board, no documents (quick looks at the shell's cost)
//   BENCH_PAGES=Übersicht,Thema   only pages whose name starts so (the two yardsticks are always measured)
//   BENCH_ROUNDS=2           interleaved rounds of bare Remix and the portal's static route per setting
//   BENCH_PROFILE=tmp/prof   the portal writes a CPU profile per database there (node --cpu-prof)
//   BENCH_WARMUP=1           seconds of unrecorded load before each page (and each yardstick), so
//                            that no figure includes the JIT's first compilation of its route
// Every page is read against two yardsticks measured in the same run: the portal's own static
// route (/bench/baseline) and a bare Remix app with one static route (bench/bare-remix) served by
// remix-serve in its own process, the two interleaved round by round.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { queryRows, useDatabaseHandle, type DatabaseHandle } from "../db/client.server";
import { resetEnv } from "../app/env.server";
import { renderStaleMarkdown } from "../app/server/markdown/rerender-job.server";
import { measureFiles, prepareFileBench } from "./files";
import { generateBoard, openFreshDatabase } from "./generate";
import { clientWeight, measure, probe, type Throughput } from "./measure";
import { benchPages, type BenchPage } from "./pages";
import { BARE_REMIX, BASELINE, formatReport, type BenchReport, type PageResult } from "./report";
import { freePort, startBareRemix, startBenchServer } from "./server";

const ROOT = path.resolve(import.meta.dirname, "..");
const quick = process.env.BENCH_QUICK === "1";
const fullScale = Number(process.env.BENCH_SCALE ?? (quick ? 0.2 : 1));
const duration = Number(process.env.BENCH_DURATION ?? (quick ? 2 : 3));
const connections = (process.env.BENCH_CONNECTIONS ?? "10,50").split(",").map(Number);
const backends = (process.env.BENCH_BACKENDS ?? "pglite,postgres").split(",");
const pgServer = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432";
const onlyFiles = process.env.BENCH_ONLY === "files";
const scales = onlyFiles || process.env.BENCH_ONLY === "small" ? [fullScale / 100] : [fullScale / 100, fullScale];
const pageFilter = process.env.BENCH_PAGES?.split(",").filter(Boolean);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const warmup = Number(process.env.BENCH_WARMUP ?? 1);
type Served = { url: string; output: () => string };

async function postgresVersion() {
  try {
    const { openPostgres } = await import("../db/client.server");
    const handle = openPostgres(`${pgServer}/postgres`, { max: 1 });
    const [row] = await queryRows<{ server_version: string }>(handle.db, sql`show server_version`);
    await handle.close();
    return row.server_version;
  } catch {
    return undefined;
  }
}

async function benchOne(report: BenchReport, backend: string, scale: number, bare: Served | null) {
  const label = `${backend} ${+(scale * 100).toFixed(2)} %`;
  const pgliteDir = path.join(ROOT, "tmp/bench/db", `${backend}-${scale}`);
  const dbName = `portal_bench_${String(scale).replace(".", "_")}`;
  rmSync(pgliteDir, { recursive: true, force: true });
  const target = backend === "pglite" ? { pglite: pgliteDir } : { postgres: `${pgServer}/${dbName}` };
  process.stdout.write(`${label}: Daten erzeugen … `);
  const handle = await openFreshDatabase(target);
  const generated = await generateBoard(handle.db, scale);
  // Files are measured once per backend, on the small board (their cost does not grow with it).
  const fileBench = scale === scales[0] && process.env.BENCH_ONLY !== "small" ? await prepareFileBench(handle.db) : null;
  const port = await freePort();
  const rendered = await renderMarkdownAndVacuum(handle, `http://127.0.0.1:${port}`);
  await handle.close();
  console.log(`${(generated.totalMs / 1000).toFixed(1)} s, Markdown und VACUUM ${(rendered.ms / 1000).toFixed(1)} s`);
  report.generation.push({ backend, scale, totalMs: generated.totalMs, timingsMs: generated.timingsMs, rows: generated.rows });

  // The file bench uploads as staff with a plain session (no second factor in the bench).
  const server = await startBenchServer(
    {
      ...(backend === "pglite" ? { DATA_DIR: pgliteDir } : { DATABASE_URL: `${pgServer}/${dbName}` }),
      REQUIRE_2FA_ROLES: "admin",
    },
    port,
  );
  const cookie = `session=${generated.targets.sessionToken}`;
  try {
    if (fileBench) {
      const files = await measureFiles(server.url, fileBench, backend).catch((error: Error) => {
        throw new Error(`${error.message} (${String(error.cause ?? "")}):\n${server.output().slice(-2000)}`);
      });
      report.files = [...(report.files ?? []), ...files];
    }
    if (bare) await measureYardsticks(report, backend, scale, bare, server);
    const pages = benchPages(generated.targets).filter((p) => p.name !== BASELINE && (!pageFilter || pageFilter.some((prefix) => p.name.startsWith(prefix))));
    for (const page of onlyFiles ? [] : pages) {
      await probe(server.url, page, cookie);
      const checked = await probe(server.url, page, cookie);
      if (checked.status !== 200) throw new Error(`${page.path} antwortet ${checked.status}:\n${server.output().slice(-2000)}`);
      report.weights[page.name] ??= await clientWeight(server.url, checked.html);
      const result: PageResult = { backend, scale, page: page.name, path: page.path, queries: checked.queries, singleMs: checked.ms, runs: [] };
      if (warmup > 0) await measure(server.url, page, cookie, connections[0], warmup);
      for (const c of connections) result.runs.push(await measure(server.url, page, cookie, c, duration));
      report.pages.push(result);
      console.log(
        `  ${page.name}: ${result.runs.map((r) => `${r.connections} Verb. ${r.requestsPerSecond.toFixed(0)}/s p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms`).join(" | ")} | ${checked.queries} SQL | einzeln ${checked.ms} ms`,
      );
    }
  } finally {
    await server.stop();
    if (backend === "pglite") rmSync(pgliteDir, { recursive: true, force: true });
    else await dropDatabase(dbName);
  }
}

/**
 * The generator writes Markdown sources only; the server would queue the re-render job at start
 * and the pages would be measured while it runs (and render every row on the fly). So the rows
 * are rendered here first, for the address the server will have (the stamp names its host), and
 * the tables vacuumed after it.
 */
async function renderMarkdownAndVacuum(handle: DatabaseHandle, portalUrl: string) {
  const started = performance.now();
  process.env.PORTAL_URL = portalUrl;
  resetEnv();
  useDatabaseHandle(handle);
  const rows = await renderStaleMarkdown();
  // As autovacuum would have by now: the rendering rewrote every row, and index-only scans
  // need the visibility map that VACUUM sets.
  await handle.db.execute(sql`vacuum analyze`);
  return { rows, ms: Math.round(performance.now() - started) };
}

/**
 * Bare Remix and the portal's static route, interleaved: per connection count `rounds` rounds,
 * the order swapped every round; requests/s and p50 are the mean of the rounds, p99 the worst.
 */
async function measureYardsticks(report: BenchReport, backend: string, scale: number, bare: Served, portal: Served) {
  const sides: Array<{ server: Served; page: BenchPage; result?: PageResult }> = [
    { server: bare, page: { name: BARE_REMIX, path: "/", signedIn: false } },
    { server: portal, page: { name: BASELINE, path: "/bench/baseline", signedIn: false } },
  ];
  for (const side of sides) {
    await probe(side.server.url, side.page, "");
    const checked = await probe(side.server.url, side.page, "");
    if (checked.status !== 200) throw new Error(`${side.page.name} antwortet ${checked.status}:\n${side.server.output().slice(-2000)}`);
    report.weights[side.page.name] ??= await clientWeight(side.server.url, checked.html);
    const queries = side.server === bare ? 0 : checked.queries;
    side.result = { backend, scale, page: side.page.name, path: side.page.path, queries, singleMs: checked.ms, runs: [] };
    if (warmup > 0) await measure(side.server.url, side.page, "", connections[0], warmup);
  }
  for (const c of connections) {
    const samples: Throughput[][] = [[], []];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) samples[i].push(await measure(sides[i].server.url, sides[i].page, "", c, duration));
    }
    sides.forEach((side, i) => side.result!.runs.push(combineRounds(samples[i])));
  }
  for (const side of sides) {
    report.pages.push(side.result!);
    console.log(
      `  ${side.page.name}: ${side.result!.runs.map((r) => `${r.connections} Verb. ${r.requestsPerSecond.toFixed(0)}/s (${r.rounds?.join(", ")}) p50 ${r.p50Ms} ms p99 ${r.p99Ms} ms`).join(" | ")}`,
    );
  }
}

function combineRounds(samples: Throughput[]): Throughput {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    connections: samples[0].connections,
    requestsPerSecond: Math.round(mean(samples.map((s) => s.requestsPerSecond)) * 10) / 10,
    p50Ms: Math.round(mean(samples.map((s) => s.p50Ms))),
    p99Ms: Math.max(...samples.map((s) => s.p99Ms)),
    non2xx: samples.reduce((sum, s) => sum + s.non2xx, 0),
    errors: samples.reduce((sum, s) => sum + s.errors, 0),
    rounds: samples.map((s) => Math.round(s.requestsPerSecond)),
  };
}

async function dropDatabase(name: string) {
  const { openPostgres } = await import("../db/client.server");
  const admin = openPostgres(`${pgServer}/postgres`, { max: 1 });
  await admin.db.execute(sql.raw(`drop database if exists "${name}" with (force)`));
  await admin.close();
}

async function main() {
  const postgres = backends.includes("postgres") ? await postgresVersion() : undefined;
  const usable = backends.filter((b) => b !== "postgres" || postgres);
  if (usable.length < backends.length) console.log(`PostgreSQL unter ${pgServer} nicht erreichbar: nur ${usable.join(", ")}`);
  const report: BenchReport = {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "?",
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      postgres,
      platform: `${os.platform()} ${os.release()}`,
      loadAverage: os.loadavg(),
    },
    settings: { durationSeconds: duration, connections, scales, backends: usable, rounds },
    generation: [],
    pages: [],
    weights: {},
    startedAt: new Date().toISOString(),
  };
  const bare = onlyFiles ? null : await startBareRemix();
  try {
    for (const backend of usable) for (const scale of scales) await benchOne(report, backend, scale, bare);
  } finally {
    await bare?.stop();
  }
  report.finishedAt = new Date().toISOString();
  report.machine.loadAverageAfter = os.loadavg();
  mkdirSync(path.join(ROOT, "bench/results"), { recursive: true });
  // Only a full run replaces the recorded one (bench/results/latest.json, the README's figures);
  // a files-only run and quick looks (a subset of pages, databases, boards or settings) go beside it.
  const partial = quick || pageFilter || process.env.BENCH_ONLY === "small" || process.env.BENCH_BACKENDS || process.env.BENCH_CONNECTIONS;
  const file = onlyFiles ? "bench/results/files.json" : partial ? "bench/results/partial.json" : "bench/results/latest.json";
  writeFileSync(path.join(ROOT, file), JSON.stringify(report, null, 2) + "\n");
  console.log("\n" + formatReport(report));
  console.log(`\nErgebnisse: ${file}`);
}

await main();
