import { purgeExpiredPersonalData } from "~/server/retention/purge.server";
import { registerJobHandler, registerSchedule } from "./registry.server";
import { dailyAt } from "./schedule.server";

/** Kinds that earlier versions scheduled for parts of the same work; their queued rows still run. */
const RETIRED_KINDS = ["jobs.cleanup", "mail.retention"];

/** One daily job deletes whatever the retention settings say has expired (docs/decisions/095). */
export function registerHousekeepingJobs() {
  const purge = async () => {
    await purgeExpiredPersonalData();
  };
  registerJobHandler("retention.purge", purge);
  for (const kind of RETIRED_KINDS) registerJobHandler(kind, purge);
  registerSchedule(dailyAt("retention.purge", "03:30"));
}
