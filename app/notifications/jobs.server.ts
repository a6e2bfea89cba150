import { sql } from "drizzle-orm";
import { db, queryRows } from "#db/client.server";
import { parseBerlinLocal } from "~/lib/dates";
import { getUserById } from "~/accounts/users.server";
import { setMailGuard } from "~/server/mail/jobs.server";
import { registerJobHandler, registerSchedule } from "~/server/jobs/registry.server";
import { dailyAt, hourly, mondaysAt } from "~/server/jobs/schedule.server";
import { sendDigests } from "./digest.server";
import { roundClosing, roundResultsAvailable, voteClosing } from "./events.server";
import { visibleObjectIds } from "./visibility.server";

/** The digest of a period holds the lines made before its 07:00. */
function periodStart(payload: Record<string, unknown>, time: string) {
  const period = String(payload.period ?? "");
  return (/^\d{4}-\d{2}-\d{2}$/.test(period) ? parseBerlinLocal(`${period}T${time}`) : null) ?? new Date();
}

/**
 * Time-based events, hourly: rounds and votes ending within 48 hours, rounds whose closing
 * date has passed (results available). Each event has its own key, so repeats are no-ops.
 */
export async function scanTimedEvents() {
  const closingRounds = await queryRows<{ id: number }>(
    db,
    sql`select id from rating_rounds where status = 'open' and closes_at > now() and closes_at <= now() + interval '48 hours'`,
  );
  for (const { id } of closingRounds) await db.transaction((tx) => roundClosing(tx, { roundId: Number(id) }));
  const endedRounds = await queryRows<{ id: number }>(
    db,
    sql`select id from rating_rounds where status <> 'draft' and closes_at <= now() and closes_at > now() - interval '7 days'`,
  );
  for (const { id } of endedRounds) await db.transaction((tx) => roundResultsAvailable(tx, { roundId: Number(id) }));
  const closingVotes = await queryRows<{ id: number }>(
    db,
    sql`select id from recommendations where status = 'voting' and vote_deadline > now() and vote_deadline <= now() + interval '48 hours'`,
  );
  for (const { id } of closingVotes) await db.transaction((tx) => voteClosing(tx, { recommendationId: Number(id) }));
}
export function registerNotificationJobs() {
  registerJobHandler("digest.daily", async (payload) => {
    await sendDigests({ frequency: "taeglich", until: periodStart(payload, "07:00") });
  });
  registerJobHandler("digest.weekly", async (payload) => {
    await sendDigests({ frequency: "woechentlich", until: periodStart(payload, "07:00") });
  });
  registerSchedule(dailyAt("digest.daily", "07:00"));
  registerSchedule(mondaysAt("digest.weekly", "07:00"));
  registerJobHandler("notifications.timed", scanTimedEvents);
  registerSchedule(hourly("notifications.timed"));
  // A notification mail goes out only while its reader may still see what it is about.
  setMailGuard(async (mail) => {
    if (!mail.objectType || mail.objectId === null || !mail.toUserId) return true;
    const user = await getUserById(mail.toUserId);
    if (!user || user.disabledAt || user.deletedAt) return false;
    return (await visibleObjectIds(db, user, mail.objectType, [mail.objectId])).has(mail.objectId);
  });
}
