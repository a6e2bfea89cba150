import { sql, type SQL } from "drizzle-orm";
import { db, queryRows, type Executor } from "#db/client.server";
import { recordAudit } from "~/accounts/audit.server";
import { retentionPeriods, type RetentionPeriods } from "./settings.server";

/**
 * The deleting half of the retention settings: one statement per kind of personal data, all
 * measured against the database's now(), run daily by the "retention.purge" job
 * (docs/decisions/095-retention-jobs.md). Each returns how many rows it removed.
 */
async function deleted(executor: Executor, statement: SQL) {
  const [row] = await queryRows<{ n: number }>(executor, sql`with gone as (${statement} returning 1) select count(*)::int as n from gone`);
  return Number(row?.n ?? 0);
}

const daysAgo = (days: number) => sql`now() - make_interval(days => ${days})`;

const purgeSteps = {
  sessions: (p: RetentionPeriods) => deleted(db, sql`delete from sessions where expires_at < ${daysAgo(p.sessionDays)}`),
  // Open invitations count from their expiry; accepted or revoked ones from that moment.
  invitations: (p: RetentionPeriods) =>
    deleted(db, sql`delete from invitations where coalesce(accepted_at, revoked_at, expires_at) < ${daysAgo(p.invitationDays)}`),
  passwordResets: (p: RetentionPeriods) => deleted(db, sql`delete from password_resets where coalesce(used_at, expires_at) < ${daysAgo(p.passwordResetDays)}`),
  // Queued mails are never removed here: they are still to be sent.
  mails: (p: RetentionPeriods) =>
    deleted(db, sql`delete from mails where state in ('sent', 'dropped', 'unsent', 'failed') and coalesce(sent_at, created_at) < ${daysAgo(p.mailDays)}`),
  jobs: (p: RetentionPeriods) => deleted(db, sql`delete from jobs where state in ('done', 'failed') and finished_at < ${daysAgo(p.jobDays)}`),
  notifications: (p: RetentionPeriods) => deleted(db, sql`delete from notifications where read_at < ${daysAgo(p.notificationDays)}`),
  throttles: (p: RetentionPeriods) =>
    deleted(db, sql`delete from sign_in_throttles where updated_at < ${daysAgo(p.throttleDays)} and (blocked_until is null or blocked_until < now())`),
  challenges: () => deleted(db, sql`delete from sign_in_challenges where expires_at <= now()`),
  audit: purgeAuditEvents,
  deletedAccounts: purgeDeletedAccounts,
} satisfies Record<string, (periods: RetentionPeriods) => Promise<number>>;

export type PurgeReport = Record<keyof typeof purgeSteps, number>;

/**
 * The only deletion the audit log allows (db/sql/audit-retention.sql): the trigger lets rows
 * older than the months named in the transaction-local setting go, and the deletion leaves one
 * line of its own in the same transaction.
 */
async function purgeAuditEvents(periods: RetentionPeriods) {
  const months = periods.auditMonths;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('portal.audit_retention_months', ${String(months)}, true)`);
    const count = await deleted(tx, sql`delete from audit_events where at < now() - make_interval(months => ${months})`);
    if (count > 0) await recordAudit(tx, { actorId: null, action: "audit.retention_purged", details: { deleted: count, months } });
    return count;
  });
}

type Reference = { table_name: string; column_name: string };

/**
 * An anonymised account row is the author of the board's records (comments, scores, votes,
 * audit lines …). It goes once nothing refers to it any more: every foreign key to users is
 * found in the catalog at run time, so a table added later keeps its rows' authors too.
 */
async function purgeDeletedAccounts(periods: RetentionPeriods) {
  const references = await queryRows<Reference>(
    db,
    sql`select c.conrelid::regclass::text as table_name, a.attname as column_name
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
        where c.contype = 'f' and c.confrelid = 'users'::regclass and c.conrelid <> 'users'::regclass
        order by 1, 2`,
  );
  const unreferenced = references.map(
    (ref) => sql`and not exists (select 1 from ${sql.raw(ref.table_name)} r where r.${sql.identifier(ref.column_name)} = u.id)`,
  );
  return deleted(
    db,
    sql`delete from users u where u.deleted_at is not null and u.deleted_at < ${daysAgo(periods.deletedAccountDays)} ${sql.join(unreferenced, sql` `)}`,
  );
}

/** Every step in order (audit before accounts, so accounts whose last lines just expired can go too). */
export async function purgeExpiredPersonalData(periods: RetentionPeriods = retentionPeriods()): Promise<PurgeReport> {
  const report = {} as PurgeReport;
  for (const [name, step] of Object.entries(purgeSteps) as Array<[keyof PurgeReport, (p: RetentionPeriods) => Promise<number>]>) {
    report[name] = await step(periods);
  }
  return report;
}
