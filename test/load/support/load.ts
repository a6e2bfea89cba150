/** Runs `clients` loops until the deadline; each loop awaits its own requests, like a user. */
export type LoadResult = {
  requests: number;
  statuses: Record<string, number>;
  /** Requests that got no HTTP answer at all (refused, reset, timed out). */
  networkErrors: number;
  elapsedMs: number;
};

export type Outcome = { status: number } | { error: unknown };

export async function runLoad(options: {
  clients: number;
  durationMs: number;
  act: (client: number, iteration: number) => Promise<Outcome[]>;
  /** Pause after a failed request, so a downed server is not hammered. */
  backoffMs?: number;
}): Promise<LoadResult> {
  const started = Date.now();
  const deadline = started + options.durationMs;
  const result: LoadResult = { requests: 0, statuses: {}, networkErrors: 0, elapsedMs: 0 };
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      for (let iteration = 0; Date.now() < deadline; iteration++) {
        let failed = false;
        for (const outcome of await options.act(client, iteration)) {
          result.requests += 1;
          if ("status" in outcome) {
            result.statuses[outcome.status] = (result.statuses[outcome.status] ?? 0) + 1;
            failed ||= outcome.status >= 500;
          } else {
            result.networkErrors += 1;
            failed = true;
          }
        }
        if (failed) await new Promise((resolve) => setTimeout(resolve, options.backoffMs ?? 100));
      }
    }),
  );
  result.elapsedMs = Date.now() - started;
  return result;
}

export function serverErrors(result: LoadResult, allowed: number[] = []) {
  return Object.entries(result.statuses)
    .filter(([status]) => Number(status) >= 500 && !allowed.includes(Number(status)))
    .map(([status, count]) => `${status}×${count}`);
}

/** Milliseconds from the env var, or the CI-sized default. */
export function bound(name: string, fallback: number) {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function summary(label: string, result: LoadResult) {
  const rate = (result.requests / (result.elapsedMs / 1000)).toFixed(0);
  return `${label}: ${result.requests} Anfragen in ${(result.elapsedMs / 1000).toFixed(1)} s (${rate}/s), Status ${JSON.stringify(result.statuses)}, ohne Antwort ${result.networkErrors}`;
}
