import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import { registerJobHandler, registerSchedule } from "~/server/jobs/registry.server";
import { berlinDate, dailyAt } from "~/server/jobs/schedule.server";
import { commitmentFallsDue, commitmentOverdue } from "./events.server";

/** How many days ahead a commitment is announced as falling due. */
export const DUE_SOON_DAYS = 7;
const SCAN_LIMIT = 1000;

/**
 * The daily reminder run for one Berlin calendar day: open commitments falling due within a
 * week, and those whose date has passed. Event keys carry the due date, so a second run of the
 * same day (or a retried job) adds nothing, and a new date reminds again.
 */
export async function scanCommitmentReminders(day: string) {
  const dueSoon = await queryRows<{ id: number }>(
    db,
    sql`select id from commitments where status in ('offen', 'in_arbeit')
      and due_date >= ${day}::date and due_date <= ${day}::date + ${DUE_SOON_DAYS}::int order by id limit ${SCAN_LIMIT}`,
  );
  for (const { id } of dueSoon) await db.transaction((tx) => commitmentFallsDue(tx, { commitmentId: Number(id) }));
  const overdue = await queryRows<{ id: number }>(
    db,
    sql`select id from commitments where status in ('offen', 'in_arbeit') and due_date < ${day}::date order by id limit ${SCAN_LIMIT}`,
  );
  for (const { id } of overdue) await db.transaction((tx) => commitmentOverdue(tx, { commitmentId: Number(id) }));
}

export function registerCommitmentJobs() {
  // Once a day (one job per day across processes: the schedule's unique key), before the 07:00 digest.
  registerSchedule(dailyAt("commitments.reminders", "06:30"));
  registerJobHandler("commitments.reminders", async (payload) => {
    const period = String(payload.period ?? "");
    await scanCommitmentReminders(/^\d{4}-\d{2}-\d{2}$/.test(period) ? period : berlinDate(new Date()));
  });
}
