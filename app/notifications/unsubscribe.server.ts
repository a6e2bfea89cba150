import { db, type Executor } from "#db/client.server";
import { NOTIFICATION_KINDS, type Frequency, type NotificationKind } from "#db/schema";
import { portalUrl } from "~/server/mail/compose.server";
import { signToken, verifyToken } from "~/server/signing.server";
import { listPreferences, savePreferences } from "./preferences.server";
import { getUserById } from "~/accounts/users.server";

/** What one unsubscribe link turns off: one notification kind, or every kind sent in a digest of that frequency. */
export type UnsubscribeTarget = NotificationKind | "digest.taeglich" | "digest.woechentlich";

const PURPOSE = "unsubscribe";

function isTarget(value: string): value is UnsubscribeTarget {
  return value === "digest.taeglich" || value === "digest.woechentlich" || (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export async function unsubscribeUrl(executor: Executor, userId: number, target: UnsubscribeTarget) {
  const token = await signToken(PURPOSE, `${userId}:${target}`, executor);
  return portalUrl(`/benachrichtigungen/abbestellen?token=${encodeURIComponent(token)}`);
}

/** The headers of RFC 2369 and RFC 8058 (one-click: a POST to the same URL). */
export async function unsubscribeHeaders(executor: Executor, userId: number, target: UnsubscribeTarget) {
  const url = await unsubscribeUrl(executor, userId, target);
  return { url, headers: { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } };
}

export async function readUnsubscribeToken(token: string) {
  const data = await verifyToken(PURPOSE, token);
  if (!data) return null;
  const [userText, target] = data.split(":");
  const userId = Number(userText);
  if (!Number.isInteger(userId) || !target || !isTarget(target)) return null;
  const user = await getUserById(userId);
  if (!user || user.deletedAt) return null;
  return { userId, role: user.role, target };
}

/** Sets just that kind (or the digest's kinds) to "aus". */
export async function applyUnsubscribe({
  userId,
  role,
  target,
}: {
  userId: number;
  role: Parameters<typeof listPreferences>[0]["member"]["role"];
  target: UnsubscribeTarget;
}) {
  let kinds: NotificationKind[];
  if (target.startsWith("digest.")) {
    const frequency = target.slice("digest.".length) as Frequency;
    kinds = (await listPreferences({ member: { id: userId, role } })).filter((p) => p.frequency === frequency).map((p) => p.kind);
  } else {
    kinds = [target as NotificationKind];
  }
  await savePreferences(db, { userId, choices: kinds.map((kind) => ({ kind, frequency: "aus" as const })) });
}
