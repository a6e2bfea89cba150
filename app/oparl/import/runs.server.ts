import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { enqueueJob } from "~/server/jobs/queue.server";
import { db } from "#db/client.server";
import { oparlImportSettings, oparlSyncRuns } from "#db/schema";
import { env } from "~/env.server";
import { t } from "~/i18n/de";
import { recordAudit } from "~/accounts/audit.server";
import { RunReport } from "./report";
import { syncFromRis, type SyncOptions } from "./sync.server";

/**
 * The sync as a job: a queued row in oparl_sync_runs is the job (docs/decisions/083). The
 * button and the schedule enqueue; a worker claims one at a time across processes (partial
 * unique index on state = 'running'), runs it and records the report.
 */
const STALE_AFTER_MS = 10 * 60 * 1000;

export type SourceSetting = { systemUrl: string; bodyUrl: string | null; fromEnv: boolean };

/** The environment wins over the admin's setting. */
export async function getSourceSetting(): Promise<SourceSetting | null> {
  const config = env();
  if (config.OPARL_SOURCE_URL) return { systemUrl: config.OPARL_SOURCE_URL, bodyUrl: config.OPARL_SOURCE_BODY ?? null, fromEnv: true };
  const [row] = await db.select().from(oparlImportSettings).where(eq(oparlImportSettings.id, 1));
  return row ? { systemUrl: row.systemUrl, bodyUrl: row.bodyUrl, fromEnv: false } : null;
}

export async function saveSourceSetting({ actorId, systemUrl, bodyUrl }: { actorId: number; systemUrl: string; bodyUrl: string | null }) {
  await db.transaction(async (tx) => {
    await tx
      .insert(oparlImportSettings)
      .values({ id: 1, systemUrl, bodyUrl, updatedById: actorId })
      .onConflictDoUpdate({ target: oparlImportSettings.id, set: { systemUrl, bodyUrl, updatedById: actorId, updatedAt: new Date() } });
    await recordAudit(tx, { actorId, action: "oparl.source_set", objectType: "oparl", objectId: 1, details: { systemUrl, bodyUrl } });
  });
}

/** Queues a run unless one is queued or running already; same transaction as the audit entry. */
export async function enqueueSync({ actorId, trigger }: { actorId: number | null; trigger: "manual" | "schedule" }): Promise<"queued" | "busy"> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('oparl_sync_enqueue'))`);
    const [open] = await tx
      .select({ id: oparlSyncRuns.id })
      .from(oparlSyncRuns)
      .where(inArray(oparlSyncRuns.state, ["queued", "running"]))
      .limit(1);
    if (open) return "busy" as const;
    const [run] = await tx.insert(oparlSyncRuns).values({ trigger, requestedById: actorId }).returning({ id: oparlSyncRuns.id });
    await enqueueJob(tx, { kind: "oparl.sync", payload: { runId: run.id } });
    if (actorId) await recordAudit(tx, { actorId, action: "oparl.sync_requested", objectType: "oparl_sync_run", objectId: run.id });
    return "queued" as const;
  });
}

/** The hourly schedule: queue a run when the last one is older than the interval. */
export async function enqueueScheduledSyncIfDue(now = new Date()) {
  const minutes = env().OPARL_SYNC_INTERVAL_MINUTES;
  if (minutes === 0 || !(await getSourceSetting())) return "off" as const;
  const [last] = await db.select({ queuedAt: oparlSyncRuns.queuedAt }).from(oparlSyncRuns).orderBy(desc(oparlSyncRuns.id)).limit(1);
  if (last && now.getTime() - last.queuedAt.getTime() < minutes * 60_000) return "not-due" as const;
  return enqueueSync({ actorId: null, trigger: "schedule" });
}

async function claimNextRun(sourceUrl: string) {
  // A run whose process died is failed, so the next one may start (the cursor resumes).
  await db
    .update(oparlSyncRuns)
    .set({ state: "failed", finishedAt: new Date(), error: t.oparl.import.errors.stale })
    .where(and(eq(oparlSyncRuns.state, "running"), lt(oparlSyncRuns.heartbeatAt, new Date(Date.now() - STALE_AFTER_MS))));
  try {
    const [run] = await db
      .update(oparlSyncRuns)
      .set({ state: "running", startedAt: new Date(), heartbeatAt: new Date(), sourceUrl })
      .where(eq(oparlSyncRuns.id, sql`(select id from oparl_sync_runs where state = 'queued' order by id limit 1 for update skip locked)`))
      .returning({ id: oparlSyncRuns.id });
    return run ?? null;
  } catch (error) {
    // Another process is running one (oparl_sync_runs_one_running_idx): leave it queued.
    if (String((error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code) === "23505") return null;
    throw error;
  }
}

/** The worker: runs queued syncs one after another; returns how many ran. */
export async function runQueuedSyncs(options: Omit<SyncOptions, "baseUrl" | "bodyUrl" | "report"> = {}): Promise<number> {
  let ran = 0;
  for (;;) {
    const source = await getSourceSetting();
    const run = await claimNextRun(source?.systemUrl ?? "");
    if (!run) return ran;
    ran += 1;
    if (!source) {
      await finish(run.id, "failed", new RunReport(), t.oparl.import.errors.noSource);
      continue;
    }
    const heartbeat = () =>
      db
        .update(oparlSyncRuns)
        .set({ heartbeatAt: new Date() })
        .where(eq(oparlSyncRuns.id, run.id))
        .then(() => undefined);
    // The report is ours, so a run that fails half-way still records what it did.
    const report = new RunReport();
    try {
      await syncFromRis({ ...options, baseUrl: source.systemUrl, bodyUrl: source.bodyUrl, onProgress: heartbeat, report, runId: run.id });
      await finish(run.id, "succeeded", report, null);
    } catch (error) {
      await finish(run.id, "failed", report, String((error as Error).message ?? error).slice(0, 1000));
    }
  }
}

async function finish(id: number, state: "succeeded" | "failed", report: RunReport, error: string | null) {
  await db
    .update(oparlSyncRuns)
    // Fetch jobs of this run's files may have reported refusals already: they are kept.
    .set({ state, finishedAt: new Date(), counts: report.counts, problems: sql`${oparlSyncRuns.problems} || ${JSON.stringify(report.problems)}::jsonb`, error })
    .where(eq(oparlSyncRuns.id, id));
}

export async function listSyncRuns({ limit = 20 }: { limit?: number } = {}) {
  return db.select().from(oparlSyncRuns).orderBy(desc(oparlSyncRuns.id)).limit(limit);
}
