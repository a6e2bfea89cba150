import { PermanentJobError, registerJobHandler, registerSchedule } from "~/server/jobs/registry.server";
import { hourly } from "~/server/jobs/schedule.server";
import { enqueueScheduledSyncIfDue, runQueuedSyncs } from "~/oparl/import/runs.server";
import { fetchImportedFile } from "~/oparl/import/file-fetch.server";
import { FETCH_FILE_JOB } from "~/oparl/import/files.server";

/** The OParl import on the job runner: a queued run is worked off by an `oparl.sync` job; the hourly schedule queues one when due; each
 * new or changed file of an imported paper is fetched by its own `oparl.fetch_file` job. */
export function registerOparlJobs() {
  registerJobHandler("oparl.sync", async () => {
    await runQueuedSyncs();
  });
  registerJobHandler(FETCH_FILE_JOB, async (payload) => {
    const documentId = Number(payload.documentId);
    if (!Number.isInteger(documentId)) throw new PermanentJobError("documentId fehlt");
    await fetchImportedFile({ documentId, runId: Number.isInteger(payload.runId) ? Number(payload.runId) : null });
  });
  registerJobHandler("oparl.schedule", async () => {
    await enqueueScheduledSyncIfDue();
  });
  registerSchedule(hourly("oparl.schedule"));
}
