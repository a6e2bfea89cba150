import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "#db/client.server";
import { FREQUENCIES, notificationPreferences, type Frequency, type NotificationKind, type Role } from "#db/schema";
import { notificationKindsFor } from "~/policy.server";

/** Defaults per role: what a member must act on comes at once, the rest in the daily digest. */
const DEFAULTS: Record<Role, Partial<Record<NotificationKind, Frequency>>> = {
  expert: {
    "comment.reply": "sofort",
    "round.opened": "sofort",
    "round.closing": "sofort",
    "vote.opened": "sofort",
    "vote.closing": "sofort",
    "meeting.invitation": "sofort",
  },
  staff: { "comment.reply": "sofort", "meeting.invitation": "sofort", "round.results": "taeglich", "commitment.overdue": "sofort" },
  admin: { "comment.reply": "sofort", "meeting.invitation": "sofort" },
  council: {
    "recommendation.published": "sofort",
    "meeting.invitation": "sofort",
    "minutes.released": "woechentlich",
    "commitment.status": "woechentlich",
    "council.decision": "sofort",
  },
};

export function defaultFrequency(role: Role, kind: NotificationKind): Frequency {
  return DEFAULTS[role][kind] ?? "taeglich";
}

export function isFrequency(value: string): value is Frequency {
  return (FREQUENCIES as readonly string[]).includes(value);
}

/** Effective frequency of one kind for each of the given members. */
export async function frequenciesFor(executor: Executor, members: Array<{ id: number; role: Role }>, kind: NotificationKind) {
  const result = new Map<number, Frequency>();
  if (members.length === 0) return result;
  const rows = await executor
    .select({ userId: notificationPreferences.userId, frequency: notificationPreferences.frequency })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.kind, kind),
        inArray(
          notificationPreferences.userId,
          members.map((m) => m.id),
        ),
      ),
    );
  const chosen = new Map(rows.map((row) => [row.userId, row.frequency]));
  for (const member of members) result.set(member.id, chosen.get(member.id) ?? defaultFrequency(member.role, kind));
  return result;
}

/** The preferences page: every kind the role can hear of, with its effective frequency. */
export async function listPreferences({ member }: { member: { id: number; role: Role } }) {
  const rows = await db
    .select({ kind: notificationPreferences.kind, frequency: notificationPreferences.frequency })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, member.id));
  const chosen = new Map(rows.map((row) => [row.kind, row.frequency]));
  return notificationKindsFor(member).map((kind) => ({ kind, frequency: chosen.get(kind) ?? defaultFrequency(member.role, kind) }));
}

export async function savePreferences(
  executor: Executor,
  { userId, choices }: { userId: number; choices: Array<{ kind: NotificationKind; frequency: Frequency }> },
) {
  for (const choice of choices) {
    await executor
      .insert(notificationPreferences)
      .values({ userId, kind: choice.kind, frequency: choice.frequency })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { frequency: choice.frequency, updatedAt: new Date() },
      });
  }
}

export function exportPreferences(executor: Executor, userId: number) {
  return executor
    .select({ kind: notificationPreferences.kind, frequency: notificationPreferences.frequency, updatedAt: notificationPreferences.updatedAt })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
}

/** The preferences form: all choices in one transaction. */
export async function saveOwnPreferences({ userId, choices }: { userId: number; choices: Array<{ kind: NotificationKind; frequency: Frequency }> }) {
  await db.transaction((tx) => savePreferences(tx, { userId, choices }));
}
