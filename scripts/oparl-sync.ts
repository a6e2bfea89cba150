// npm run oparl:sync — the OParl import's worker until the job runner (app/server/jobs) lands:
// queues the scheduled sync when it is due (OPARL_SYNC_INTERVAL_MINUTES), then runs every
// queued sync (also those queued by "Jetzt abgleichen") and exits. Run it from cron every few
// minutes next to a PostgreSQL deployment; one run at a time is enforced in the database.
import { getDatabaseHandle } from "../db/client.server";
import { enqueueScheduledSyncIfDue, runQueuedSyncs } from "../app/oparl/import/runs.server";

const handle = getDatabaseHandle();
try {
  const scheduled = await enqueueScheduledSyncIfDue();
  const ran = await runQueuedSyncs();
  console.log(`OParl-Abgleich: Zeitplan ${scheduled}, ${ran} Lauf/Läufe ausgeführt.`);
} finally {
  await handle.close();
}
