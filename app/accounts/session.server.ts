import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { sessions, users } from "#db/schema";
import { env, servedOverHttps } from "~/env.server";
import { unreadNotificationsOf } from "~/notifications/unread.server";
import { generateToken, hashToken } from "./token.server";

export type SessionUser = {
  id: number;
  email: string;
  name: string;
  organisation: string | null;
  role: "admin" | "staff" | "expert" | "council";
  previousVisitAt: Date | null;
};

/** `unread`: the header badge's count of unread notifications, read with the session in one statement. */
export type ValidSession = { id: string; user: SessionUser; expiresAt: Date; unread: number };

// The idle expiry is only rewritten when it moved this far, so a page view rarely writes.
const RENEWAL_STEP_MS = 60_000;

export function sessionCookieName() {
  return servedOverHttps() ? "__Host-session" : "session";
}

export async function createSession(userId: number, userAgent: string | null) {
  const token = generateToken();
  const now = Date.now();
  const absoluteExpiresAt = new Date(now + env().SESSION_ABSOLUTE_HOURS * 3_600_000);
  const expiresAt = new Date(Math.min(now + idleMs(), absoluteExpiresAt.getTime()));
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    expiresAt,
    absoluteExpiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, absoluteExpiresAt };
}

/**
 * Lucia's validateSessionToken: look up the hash, refuse expired sessions and disabled or
 * deleted accounts, and slide the idle expiry (never past the absolute lifetime).
 */
export async function validateSessionToken(token: string): Promise<ValidSession | null> {
  const id = hashToken(token);
  const [row] = await db
    .select({
      id: sessions.id,
      expiresAt: sessions.expiresAt,
      absoluteExpiresAt: sessions.absoluteExpiresAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        organisation: users.organisation,
        role: users.role,
        previousVisitAt: users.previousVisitAt,
        disabledAt: users.disabledAt,
        deletedAt: users.deletedAt,
      },
      unread: unreadNotificationsOf(users.id),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.user.disabledAt || row.user.deletedAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  let expiresAt = row.expiresAt;
  const renewed = new Date(Math.min(now + idleMs(), row.absoluteExpiresAt.getTime()));
  if (renewed.getTime() - row.expiresAt.getTime() >= RENEWAL_STEP_MS) {
    expiresAt = renewed;
    await db
      .update(sessions)
      .set({ expiresAt, lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  const { disabledAt: _d, deletedAt: _x, ...user } = row.user;
  return { id, expiresAt, unread: row.unread, user: { ...user, email: user.email ?? "", name: user.name ?? "" } };
}

export async function listActiveSessions(userId: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export function sessionCookie(token: string, expiresAt: Date) {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return serializeCookie(token, maxAge);
}

export function clearedSessionCookie() {
  return serializeCookie("", 0);
}

function serializeCookie(value: string, maxAge: number) {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `${sessionCookieName()}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

function idleMs() {
  return env().SESSION_IDLE_MINUTES * 60_000;
}
