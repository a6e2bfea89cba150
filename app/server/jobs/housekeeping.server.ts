import { deleteOldFinishedJobs } from "./queue.server";
import { registerJobHandler, registerSchedule } from "./registry.server";
import { dailyAt } from "./schedule.server";

export function registerHousekeepingJobs() {
  registerJobHandler("jobs.cleanup", async () => {
    await deleteOldFinishedJobs();
  });
  registerSchedule(dailyAt("jobs.cleanup", "03:30"));
}
