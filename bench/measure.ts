import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { BenchPage } from "./pages";

export type Throughput = {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Requests/s of each interleaved round (the two yardsticks only). */
  rounds?: number[];
};
export type Weight = { jsBytes: number; jsGzip: number; cssBytes: number; cssGzip: number; files: number };

/** autocannon on loopback for `seconds`; the cookie signs in as the bench expert. */
export async function measure(base: string, page: BenchPage, cookie: string, connections: number, seconds: number): Promise<Throughput> {
  const result = await autocannon({
    url: base + page.path,
    connections,
    duration: seconds,
    timeout: 30,
    headers: page.signedIn ? { cookie } : {},
  });
  return {
    connections,
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** One request: status, SQL statements (X-Query-Count in bench mode) and the HTML. */
export async function probe(base: string, page: BenchPage, cookie: string) {
  const started = performance.now();
  const response = await fetch(base + page.path, { headers: page.signedIn ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  const ms = Math.round(performance.now() - started);
  return { status: response.status, queries: Number(response.headers.get("X-Query-Count") ?? NaN), html, ms };
}

/** The JavaScript and CSS the page loads from /build (scripts, module preloads, stylesheets), gzipped. */
export async function clientWeight(base: string, html: string): Promise<Weight> {
  const assets = [...new Set([...html.matchAll(/\/build\/[^"'\s)]+\.(?:js|css)/g)].map((m) => m[0]))];
  const weight: Weight = { jsBytes: 0, jsGzip: 0, cssBytes: 0, cssGzip: 0, files: assets.length };
  for (const asset of assets) {
    const body = Buffer.from(await (await fetch(base + asset)).arrayBuffer());
    const gzip = gzipSync(body).length;
    if (asset.endsWith(".css")) {
      weight.cssBytes += body.length;
      weight.cssGzip += gzip;
    } else {
      weight.jsBytes += body.length;
      weight.jsGzip += gzip;
    }
  }
  return weight;
}
