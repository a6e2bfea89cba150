// Prints bench/results/latest.json as the Markdown tables in the README's "Benchmarks" section:
//   npx tsx bench/markdown.ts
import { readFileSync } from "node:fs";
import path from "node:path";
import { bareRatio, baselineRatio, rate, ratio, scalingRatio, type BenchReport } from "./report";

const report = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "results/latest.json"), "utf8")) as BenchReport;
const m = report.machine;
const full = Math.max(...report.settings.scales);
const small = Math.min(...report.settings.scales);
const lines: string[] = [];
const loads = (load: number[]) => load.map((l) => l.toFixed(1)).join(" / ");

lines.push(
  `Measured ${report.startedAt.slice(0, 16).replace("T", " ")} UTC on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}` +
    `${m.postgres ? `, PostgreSQL ${m.postgres}` : ""}, load average before the run ${loads(m.loadAverage)}${m.loadAverageAfter ? `, after it ${loads(m.loadAverageAfter)}` : ""}; ` +
    `${report.settings.durationSeconds} s per measurement${report.settings.rounds ? ` (the two static routes: ${report.settings.rounds} interleaved rounds each)` : ""}, data at ${small === full ? "" : `${+(small * 100).toFixed(2)} % and `}${+(full * 100).toFixed(2)} % of the full board.`,
);
lines.push("");
const [low, high] = [Math.min(...report.settings.connections), Math.max(...report.settings.connections)];
lines.push(`| database | page | req/s ${low} / ${high} conn. | p50 ms | p99 ms | × baseline | × bare Remix | 1 %/100 % | SQL | one request ms |`);
lines.push("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
for (const result of report.pages.filter((p) => p.scale === full)) {
  const smallQueries = report.pages.find((p) => p.backend === result.backend && p.scale === small && p.page === result.page)?.queries;
  const runs = [low, high].map((c) => result.runs.find((r) => r.connections === c)!);
  const both = (cell: (run: (typeof runs)[number]) => string) => runs.map(cell).join(" / ");
  const latency = (value: number, run: (typeof runs)[number]) => (run.requestsPerSecond > 0 ? String(value) : "–");
  const sqlCell = smallQueries === undefined || smallQueries === result.queries ? String(result.queries) : `${result.queries} (1 %: ${smallQueries})`;
  lines.push(
    `| ${result.backend} | ${result.page} | ${both(rate)} | ${both((r) => latency(r.p50Ms, r))} | ${both((r) => latency(r.p99Ms, r))} | ${both((r) => ratio(baselineRatio(report, result, r)))} | ${both((r) => ratio(bareRatio(report, result, r)))} | ${both((r) => ratio(scalingRatio(report, result, r)))} | ${sqlCell} | ${result.singleMs ?? "–"} |`,
  );
}
lines.push("");
lines.push("| generator | total | per domain |");
lines.push("|---|--:|---|");
for (const g of report.generation) {
  lines.push(
    `| ${g.backend}, ${+(g.scale * 100).toFixed(2)} % (${g.rows.comments} comments) | ${(g.totalMs / 1000).toFixed(1)} s | ${Object.entries(g.timingsMs)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
      .join(", ")} |`,
  );
}
lines.push("");
lines.push("| page | JS gzip KiB | CSS gzip KiB | files |");
lines.push("|---|--:|--:|--:|");
for (const [page, w] of Object.entries(report.weights))
  lines.push(`| ${page} | ${(w.jsGzip / 1024).toFixed(1)} | ${(w.cssGzip / 1024).toFixed(1)} | ${w.files} |`);
console.log(lines.join("\n"));
