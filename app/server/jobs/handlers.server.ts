/**
 * Every domain's job handlers and schedules, registered by importing their module here once.
 * Another domain adds one line (e.g. "~/oparl/jobs.server").
 */
import "~/server/mail/jobs.server";
import "~/notifications/jobs.server";
import "./housekeeping.server";
