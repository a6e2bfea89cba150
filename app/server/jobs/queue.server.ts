import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db, queryRows, type Executor } from "#db/client.server";
import { jobs, type JobState } from "#db/schema";
import { env } from "~/env.server";
import { recordAudit } from "~/accounts/audit.server";

/**
 * The job table's operations. Each runs as one short statement (its own implicit transaction):
 * a claim commits before the work starts, so no transaction is ever held while a job works.
 */

export type ClaimedJob = { id: number; kind: string; payload: Record<string, unknown>; attempts: number; maxAttempts: number };

const nudgeListeners = new Set<() => void>();

/** The runner listens; an enqueue wakes it shortly after (the caller's transaction commits first). */
export function onJobEnqueued(listener: () => void) {
  nudgeListeners.add(listener);
  return () => nudgeListeners.delete(listener);
}

/**
 * Inserts a job in the caller's transaction, so it exists exactly when its cause does.
 * With `uniqueKey` a second insert for the same key is a no-op (scheduled jobs, once per period).
 */
export async function enqueueJob(
  tx: Executor,
  job: { kind: string; payload?: Record<string, unknown>; runAt?: Date; uniqueKey?: string; maxAttempts?: number },
): Promise<number | null> {
  const [row] = await tx
    .insert(jobs)
    .values({
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? sql`now()`,
      uniqueKey: job.uniqueKey ?? null,
      maxAttempts: job.maxAttempts ?? env().JOB_MAX_ATTEMPTS,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  for (const listener of nudgeListeners) listener();
  return row?.id ?? null;
}

let lastSweep = 0;

/** A job whose lease ran out after its last allowed attempt is kept as failed, not run again. */
export async function sweepExhaustedLeases() {
  await db.execute(sql`update jobs set state = 'failed', locked_until = null, locked_by = null, updated_at = now(),
      last_error = coalesce(last_error || ' | ', '') || 'Lease abgelaufen nach dem letzten Versuch'
    where state = 'running' and locked_until < now() and attempts >= max_attempts`);
}

/** Claims up to `limit` due jobs (and jobs whose lease ran out) for `workerId`, skipping rows another process holds. */
export async function claimJobs({ workerId, limit, kinds }: { workerId: string; limit: number; kinds: string[] }): Promise<ClaimedJob[]> {
  if (kinds.length === 0) return [];
  const lease = env().JOB_LEASE_SECONDS;
  const kindList = sql.join(
    kinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  // Rare, unlike the claim: checked at most every few seconds per process.
  if (Date.now() - lastSweep >= 5_000) {
    lastSweep = Date.now();
    await sweepExhaustedLeases();
  }
  const rows = await queryRows<{ id: string | number; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>(
    db,
    sql`update jobs set state = 'running', attempts = attempts + 1, locked_by = ${workerId},
          locked_until = now() + make_interval(secs => ${lease}), updated_at = now()
        where id in (
          select id from jobs
          where kind in (${kindList})
            and ((state = 'pending' and run_at <= now())
              or (state = 'running' and locked_until < now() and attempts < max_attempts))
          order by run_at, id
          limit ${limit}
          for update skip locked)
        returning id, kind, payload, attempts, max_attempts`,
  );
  return rows.map((row) => ({ id: Number(row.id), kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts }));
}

/** Keeps a long job's lease alive; false when the job is no longer ours (lease lost). */
export async function extendLease({ id, workerId }: { id: number; workerId: string }) {
  const rows = await db
    .update(jobs)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${env().JOB_LEASE_SECONDS})` })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function markJobDone({ id, workerId }: { id: number; workerId: string }) {
  await db
    .update(jobs)
    .set({ state: "done", finishedAt: sql`now()`, lockedUntil: null, lockedBy: null, lastError: null, updatedAt: sql`now()` })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")));
}

/** Seconds until the next try: base · 2^(attempt−1), at most six hours, ±20 % jitter so retries spread. */
export function backoffSeconds(attempt: number, base = env().JOB_BACKOFF_SECONDS, random = Math.random()) {
  const plain = Math.min(base * 2 ** Math.max(0, attempt - 1), 6 * 3600);
  return plain * (0.8 + 0.4 * random);
}

/** Back to pending with a backoff, or kept as failed after the last attempt (or when `permanent`). */
export async function markJobFailed({ job, workerId, error, permanent = false }: { job: ClaimedJob; workerId: string; error: string; permanent?: boolean }) {
  const final = permanent || job.attempts >= job.maxAttempts;
  const delay = backoffSeconds(job.attempts);
  await db
    .update(jobs)
    .set({
      state: final ? "failed" : "pending",
      runAt: final ? sql`run_at` : sql`now() + make_interval(secs => ${delay})`,
      lockedUntil: null,
      lockedBy: null,
      lastError: error.slice(0, 2000),
      finishedAt: final ? sql`now()` : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId), eq(jobs.state, "running")));
}

/** The admin's "Erneut versuchen" (audited): a failed job gets a fresh set of attempts, due now. */
export async function retryJob({ id, actorId }: { id: number; actorId: number }) {
  const rows = await db.transaction(async (tx) => {
    const updated = await tx
      .update(jobs)
      .set({ state: "pending", attempts: 0, runAt: sql`now()`, finishedAt: null, updatedAt: sql`now()` })
      .where(and(eq(jobs.id, id), inArray(jobs.state, ["failed", "pending"])))
      .returning({ id: jobs.id });
    if (updated.length > 0) await recordAudit(tx, { actorId, action: "job.retried", objectType: "job", objectId: id });
    return updated;
  });
  for (const listener of nudgeListeners) listener();
  return rows.length > 0;
}

export const JOB_LIST_LIMIT = 100;

/** For /admin/auftraege: failed and pending (including running) jobs, newest first. */
export async function listJobs({ states }: { states: JobState[] }) {
  return db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      state: jobs.state,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      runAt: jobs.runAt,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      uniqueKey: jobs.uniqueKey,
    })
    .from(jobs)
    .where(inArray(jobs.state, states))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(JOB_LIST_LIMIT);
}

export async function countJobsByState() {
  const rows = await db
    .select({ state: jobs.state, count: sql<number>`count(*)::int` })
    .from(jobs)
    .groupBy(jobs.state);
  return Object.fromEntries(rows.map((row) => [row.state, row.count])) as Partial<Record<JobState, number>>;
}
