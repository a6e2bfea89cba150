import { registerJobHandler, registerSchedule } from "~/server/jobs/registry.server";
import { hourly } from "~/server/jobs/schedule.server";
import { enqueueScheduledSyncIfDue, runQueuedSyncs } from "~/oparl/import/runs.server";

/** The OParl import on the job runner: a queued run is worked off by an `oparl.sync` job; the hourly schedule queues one when due. */
export function registerOparlJobs() {
  registerJobHandler("oparl.sync", async () => {
    await runQueuedSyncs();
  });
  registerJobHandler("oparl.schedule", async () => {
    await enqueueScheduledSyncIfDue();
  });
  registerSchedule(hourly("oparl.schedule"));
}
