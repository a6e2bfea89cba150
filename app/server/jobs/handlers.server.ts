import { registerCommitmentJobs } from "~/commitments/reminders.server";
import { registerDocumentJobs } from "~/documents/text-job.server";
import { registerNotificationJobs } from "~/notifications/jobs.server";
import { registerOparlJobs } from "~/oparl/import/jobs.server";
import { registerMailJobs } from "~/server/mail/jobs.server";
import { registerMarkdownJobs } from "~/server/markdown/rerender-job.server";
import { registerHousekeepingJobs } from "./housekeeping.server";

/**
 * Every domain's job handlers and schedules, registered by calling them here (explicit calls, not
 * side-effect imports: the build treats modules as side-effect free). Another domain adds one
 * line here.
 */
let registered = false;
export function registerAllJobHandlers() {
  if (registered) return;
  registered = true;
  registerMailJobs();
  registerNotificationJobs();
  registerHousekeepingJobs();
  registerOparlJobs();
  registerCommitmentJobs();
  registerDocumentJobs();
  registerMarkdownJobs();
}
