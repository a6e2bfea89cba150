import { parseBerlinLocal, toBerlinLocalInput } from "~/lib/dates";
import { enqueueJob } from "./queue.server";
import { registeredSchedules, type Schedule } from "./registry.server";
import { db } from "#db/client.server";

/** Berlin calendar date ("2026-12-02") of an instant. */
export function berlinDate(now: Date) {
  return toBerlinLocalInput(now).slice(0, 10);
}

function berlinWeekday(date: string) {
  // 0 = Sunday … 6 = Saturday, of the Berlin calendar date.
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

function addDays(date: string, days: number) {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Every day at hh:mm Berlin time; the period is the Berlin date. */
export function dailyAt(kind: string, time: string): Schedule {
  return {
    kind,
    due(now) {
      const today = berlinDate(now);
      const runAt = parseBerlinLocal(`${today}T${time}`)!;
      return now >= runAt ? { period: today, runAt } : null;
    },
  };
}

/** Every Monday at hh:mm Berlin time; the period is that Monday's date. */
export function mondaysAt(kind: string, time: string): Schedule {
  return {
    kind,
    due(now) {
      const today = berlinDate(now);
      const monday = addDays(today, -((berlinWeekday(today) + 6) % 7));
      const runAt = parseBerlinLocal(`${monday}T${time}`)!;
      return now >= runAt ? { period: monday, runAt } : null;
    },
  };
}

/** Every hour on the hour; the period is the UTC hour. */
export function hourly(kind: string): Schedule {
  return {
    kind,
    due(now) {
      const runAt = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
      return { period: runAt.toISOString().slice(0, 13), runAt };
    },
  };
}

/**
 * Creates the current period's job of every schedule. Any number of processes may call this at
 * once: the unique key (kind:period) lets exactly one insert through.
 */
export async function ensureScheduledJobs(now = new Date()) {
  for (const schedule of registeredSchedules()) {
    const due = schedule.due(now);
    if (!due) continue;
    await enqueueJob(db, { kind: schedule.kind, uniqueKey: `${schedule.kind}:${due.period}`, runAt: due.runAt, payload: { period: due.period } });
  }
}
