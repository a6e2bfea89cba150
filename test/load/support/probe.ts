/** Polls one page every `intervalMs` and keeps the timeline of answers (status 0: no answer). */
export type Probe = { samples: Array<{ at: number; status: number; retryAfter: string | null; body: string }>; stop: () => Promise<void> };

export function startProbe(url: string, cookie: string, intervalMs = 100): Probe {
  const samples: Probe["samples"] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = Date.now();
      try {
        const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
        const body = await response.text();
        samples.push({ at, status: response.status, retryAfter: response.headers.get("Retry-After"), body });
      } catch {
        samples.push({ at, status: 0, retryAfter: null, body: "" });
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** Milliseconds from `since` until the probe saw a 200 again (and kept seeing it). */
export function recoveryMs(samples: Probe["samples"], since: number): number | null {
  const after = samples.filter((s) => s.at >= since);
  const lastBad = [...after].reverse().find((s) => s.status !== 200);
  const firstGoodAfter = after.find((s) => s.status === 200 && (!lastBad || s.at > lastBad.at));
  return firstGoodAfter ? firstGoodAfter.at - since : null;
}
