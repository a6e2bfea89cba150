import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { env } from "~/env.server";
import { isDatabaseUnavailable } from "~/server/db-errors.server";
import { registerAllJobHandlers } from "./handlers.server";
import { claimJobs, extendLease, markJobDone, markJobFailed, onJobEnqueued, type ClaimedJob } from "./queue.server";
import { jobHandler, PermanentJobError, registeredKinds } from "./registry.server";
import { ensureScheduledJobs } from "./schedule.server";

export type JobRunner = { stop: () => Promise<void>; nudge: () => void; workerId: string };

export function newWorkerId() {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

function errorText(error: unknown) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs one claimed job outside any transaction, then marks it in its own short statement. */
async function runJob(job: ClaimedJob, workerId: string) {
  const handler = jobHandler(job.kind);
  if (!handler) {
    await markJobFailed({ job, workerId, error: `Kein Handler für ${job.kind}`, permanent: true });
    return;
  }
  const heartbeat = setInterval(() => void extendLease({ id: job.id, workerId }).catch(() => {}), (env().JOB_LEASE_SECONDS * 1000) / 3);
  try {
    await handler(job.payload, { jobId: job.id, attempt: job.attempts, maxAttempts: job.maxAttempts });
    clearInterval(heartbeat);
    await markJobDone({ id: job.id, workerId });
  } catch (error) {
    clearInterval(heartbeat);
    await markJobFailed({ job, workerId, error: errorText(error), permanent: error instanceof PermanentJobError });
  }
}

/**
 * Claims and runs due jobs until none is left (tests and scripts call this directly).
 * Returns how many ran.
 */
export async function runDueJobs({
  workerId = newWorkerId(),
  batch = env().JOB_CONCURRENCY,
  kinds,
}: { workerId?: string; batch?: number; kinds?: string[] } = {}) {
  registerAllJobHandlers();
  kinds ??= registeredKinds();
  let total = 0;
  for (;;) {
    const claimed = await claimJobs({ workerId, limit: batch, kinds });
    if (claimed.length === 0) return total;
    await Promise.all(claimed.map((job) => runJob(job, workerId)));
    total += claimed.length;
  }
}

/**
 * The background runner of one app process: polls every JOB_POLL_MS (and shortly after an
 * enqueue in this process), creates scheduled jobs once a minute, and keeps up to
 * JOB_CONCURRENCY jobs in flight. stop() lets running jobs finish.
 */
export function startJobRunner(options: { pollMs?: number; concurrency?: number } = {}): JobRunner {
  registerAllJobHandlers();
  const pollMs = options.pollMs ?? env().JOB_POLL_MS;
  const concurrency = options.concurrency ?? env().JOB_CONCURRENCY;
  const workerId = newWorkerId();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;
  let lastScheduleCheck = 0;
  const inFlight = new Set<Promise<void>>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });
  const nudge = () => {
    // The enqueuing transaction commits after enqueueJob returns: wake a moment later.
    setTimeout(() => {
      clearTimeout(timer);
      wake?.();
    }, 30);
  };
  const unsubscribe = onJobEnqueued(nudge);

  async function tick() {
    if (Date.now() - lastScheduleCheck >= 60_000) {
      await ensureScheduledJobs();
      lastScheduleCheck = Date.now();
    }
    const free = concurrency - inFlight.size;
    if (free <= 0) return false;
    const claimed = await claimJobs({ workerId, limit: free, kinds: registeredKinds() });
    for (const job of claimed) {
      const running = runJob(job, workerId)
        .catch((error) => {
          if (!isDatabaseUnavailable(error)) console.error("Auftrag", job.id, job.kind, error);
        })
        .finally(() => {
          inFlight.delete(running);
          wake?.();
        });
      inFlight.add(running);
    }
    return claimed.length === free;
  }

  const loop = (async () => {
    while (!stopped) {
      let more = false;
      try {
        more = await tick();
      } catch (error) {
        if (!isDatabaseUnavailable(error)) console.error("Auftragsrunner:", error);
      }
      if (!stopped && !more) await sleep(pollMs);
    }
  })();

  return {
    workerId,
    nudge,
    async stop() {
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      wake?.();
      await loop;
      await Promise.allSettled([...inFlight]);
    },
  };
}
