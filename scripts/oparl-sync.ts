// npm run oparl:sync — one OParl sync from the command line: queues the scheduled sync when it is
// due (OPARL_SYNC_INTERVAL_MINUTES), runs every queued sync and exits. The portal's job runner
// does the same in the background; one run at a time is enforced in the database.
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
