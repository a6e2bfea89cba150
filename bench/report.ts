import { formatFiles, type FileResult } from "./files";
import type { Throughput, Weight } from "./measure";

export type PageResult = { backend: string; scale: number; page: string; path: string; queries: number; singleMs: number; runs: Throughput[] };
export type BenchReport = {
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    postgres?: string;
    platform: string;
    loadAverage: number[];
    loadAverageAfter?: number[];
  };
  settings: { durationSeconds: number; connections: number[]; scales: number[]; backends: string[]; rounds?: number };
  generation: Array<{ backend: string; scale: number; totalMs: number; timingsMs: Record<string, number>; rows: Record<string, number> }>;
  pages: PageResult[];
  weights: Record<string, Weight>;
  files?: FileResult[];
  startedAt: string;
  finishedAt?: string;
};

export const BASELINE = "Messlatte (statisch)";
export const BARE_REMIX = "Remix pur (statisch)";

function pad(value: string | number, width: number, right = false) {
  const text = String(value);
  return right ? text.padEnd(width) : text.padStart(width);
}

/** rps of a page as a share of the baseline's at the same backend, scale and connections. */
export function baselineRatio(report: BenchReport, result: PageResult, run: Throughput) {
  return ratioTo(BASELINE, report, result, run);
}

/** rps of a page as a share of bare Remix's, measured in the same block (backend, scale) and connections. */
export function bareRatio(report: BenchReport, result: PageResult, run: Throughput) {
  return ratioTo(BARE_REMIX, report, result, run);
}

function ratioTo(yardstick: string, report: BenchReport, result: PageResult, run: Throughput) {
  const measured = report.pages.find((p) => p.backend === result.backend && p.scale === result.scale && p.page === yardstick);
  const base = measured?.runs.find((r) => r.connections === run.connections);
  return base && base.requestsPerSecond > 0 ? run.requestsPerSecond / base.requestsPerSecond : NaN;
}

/** Load average before and, when known, after the run. */
export function loadText(report: BenchReport) {
  const m = report.machine;
  const format = (load: number[]) => load.map((l) => l.toFixed(1)).join(" / ");
  return m.loadAverageAfter ? `${format(m.loadAverage)} vorher, ${format(m.loadAverageAfter)} nachher` : format(m.loadAverage);
}

/** rps at the small scale divided by rps at the full scale (1.0 = the data size does not matter). */
export function scalingRatio(report: BenchReport, result: PageResult, run: Throughput) {
  const [small, full] = [Math.min(...report.settings.scales), Math.max(...report.settings.scales)];
  if (small === full) return NaN;
  const find = (scale: number) =>
    report.pages.find((p) => p.backend === result.backend && p.scale === scale && p.page === result.page)?.runs.find((r) => r.connections === run.connections);
  const a = find(small);
  const b = find(full);
  return a && b && b.requestsPerSecond > 0 ? a.requestsPerSecond / b.requestsPerSecond : NaN;
}

export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  const m = report.machine;
  lines.push(
    `Maschine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}${m.postgres ? `, PostgreSQL ${m.postgres}` : ""}, Last ${loadText(report)}`,
  );
  for (const g of report.generation) {
    lines.push(
      `Generator ${g.backend} ${pct(g.scale)}: ${(g.totalMs / 1000).toFixed(1)} s (${Object.entries(g.timingsMs)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
        .join(", ")}) – ${g.rows.comments} Beiträge, ${g.rows.topics} Themen`,
    );
  }
  const full = Math.max(...report.settings.scales);
  lines.push("");
  lines.push(
    `${pad("Datenbank", 9, true)} ${pad("Seite", 32, true)} ${pad("Verb.", 5)} ${pad("Anfr./s", 8)} ${pad("p50 ms", 7)} ${pad("p99 ms", 7)} ${pad("× Messl.", 8)} ${pad("× Remix", 8)} ${pad("1%/100%", 8)} ${pad("SQL", 4)} ${pad("SQL 1%", 6)} ${pad("einzeln ms", 10)}`,
  );
  for (const result of report.pages.filter((p) => p.scale === full)) {
    const small = report.pages.find((p) => p.backend === result.backend && p.scale !== full && p.page === result.page);
    for (const run of result.runs) {
      const bad = run.non2xx + run.errors > 0 ? ` (!${run.non2xx} non-2xx, ${run.errors} Fehler)` : "";
      lines.push(
        `${pad(result.backend, 9, true)} ${pad(result.page, 32, true)} ${pad(run.connections, 5)} ${pad(rate(run), 8)} ${pad(run.requestsPerSecond > 0 ? run.p50Ms : "–", 7)} ${pad(run.requestsPerSecond > 0 ? run.p99Ms : "–", 7)} ${pad(ratio(baselineRatio(report, result, run)), 8)} ${pad(ratio(bareRatio(report, result, run)), 8)} ${pad(ratio(scalingRatio(report, result, run)), 8)} ${pad(result.queries, 4)} ${pad(small?.queries ?? "–", 6)} ${pad(result.singleMs, 10)}${bad}`,
      );
    }
  }
  lines.push("");
  lines.push(`${pad("Seite", 32, true)} ${pad("JS gzip KiB", 12)} ${pad("CSS gzip KiB", 13)} ${pad("Dateien", 8)}`);
  for (const [page, w] of Object.entries(report.weights)) {
    lines.push(`${pad(page, 32, true)} ${pad((w.jsGzip / 1024).toFixed(1), 12)} ${pad((w.cssGzip / 1024).toFixed(1), 13)} ${pad(w.files, 8)}`);
  }
  lines.push(...formatFiles(report.files));
  return lines.join("\n");
}

/** A ratio with two decimals; "–" when there is nothing to compare with. */
export function ratio(value: number) {
  return Number.isFinite(value) ? value.toFixed(2) : "–";
}

/** Requests per second; "<1" when not one request finished within the measurement. */
export function rate(run: Throughput) {
  return run.requestsPerSecond >= 1 ? run.requestsPerSecond.toFixed(0) : run.requestsPerSecond > 0 ? run.requestsPerSecond.toFixed(1) : "<1";
}

function pct(scale: number) {
  return `${+(scale * 100).toFixed(2)} %`;
}
