import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, timestamps } from "./columns";

/**
 * The one job table (docs/decisions/060-job-table.md): work that outlives a request is inserted
 * here in the transaction of its cause, claimed under a lease by any app process, done outside
 * any transaction, and marked done or failed afterwards.
 */
export const JOB_STATES = ["pending", "running", "done", "failed"] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobs = pgTable(
  "jobs",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Handler name, e.g. "mail.send", "digest.daily". */
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    /** Scheduled jobs: one per kind and period ("digest.daily:2026-12-02"); null for ordinary jobs. */
    uniqueKey: text("unique_key"),
    state: text("state").$type<JobState>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("jobs_unique_key_idx").on(t.uniqueKey),
    // The claim query: due pending jobs and running ones whose lease ran out.
    index("jobs_claim_idx")
      .on(t.state, t.runAt)
      .where(sql`${t.state} in ('pending', 'running')`),
    // The retention job deletes finished and failed jobs by finished_at.
    index("jobs_finished_idx")
      .on(t.finishedAt)
      .where(sql`${t.state} in ('done', 'failed')`),
    check("jobs_state_check", sql`${t.state} in ('pending', 'running', 'done', 'failed')`),
    check("jobs_attempts_check", sql`${t.attempts} >= 0 and ${t.maxAttempts} between 1 and 100`),
    check("jobs_running_has_lease", sql`${t.state} <> 'running' or ${t.lockedUntil} is not null`),
    check("jobs_kind_format", sql`${t.kind} ~ '^[a-z][a-z0-9_.-]{1,60}$'`),
  ],
);

/** Small process-wide settings kept in the database (e.g. the generated signing secret of the embedded mode). */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});
