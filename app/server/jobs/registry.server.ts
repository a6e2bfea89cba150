/**
 * Job handlers by kind. Each domain registers its own in its jobs module, and the module is
 * listed once in ./handlers.server.ts (mail.send, digest.daily, oparl.sync, …).
 */
export type JobContext = { jobId: number; attempt: number; maxAttempts: number };
export type JobHandler = (payload: Record<string, unknown>, context: JobContext) => Promise<void>;

/** Thrown by a handler when trying again cannot help (e.g. the row it works on is gone). */
export class PermanentJobError extends Error {}

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler) {
  handlers.set(kind, handler);
}

export function jobHandler(kind: string) {
  return handlers.get(kind);
}

export function registeredKinds() {
  return [...handlers.keys()];
}

/** A schedule creates one job per period; `due` gives the current period's key and start, or null before it is due. */
export type Schedule = { kind: string; due: (now: Date) => { period: string; runAt: Date } | null };
const schedules: Schedule[] = [];

export function registerSchedule(schedule: Schedule) {
  if (!schedules.some((existing) => existing.kind === schedule.kind)) schedules.push(schedule);
}

export function registeredSchedules(): readonly Schedule[] {
  return schedules;
}
