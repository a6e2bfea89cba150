import { and, eq, gt, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { signInChallenges, users } from "#db/schema";
import { generateToken, hashToken } from "~/accounts/token.server";
import { servedOverHttps } from "~/env.server";

export const CHALLENGE_LIFETIME_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;

function cookieName() {
  return servedOverHttps() ? "__Host-signin" : "signin";
}

function serialize(value: string, maxAge: number) {
  const secure = servedOverHttps() ? "; Secure" : "";
  return `${cookieName()}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/** Password checked, second factor (or its enrolment) still to come. */
export async function createChallenge({ userId, purpose, redirectTo }: { userId: number; purpose: "verify" | "enrol"; redirectTo: string }) {
  const token = generateToken();
  await db.insert(signInChallenges).values({
    id: hashToken(token),
    userId,
    purpose,
    redirectTo,
    expiresAt: new Date(Date.now() + CHALLENGE_LIFETIME_MINUTES * 60_000),
  });
  return serialize(token, CHALLENGE_LIFETIME_MINUTES * 60);
}

export function clearedChallengeCookie() {
  return serialize("", 0);
}

function tokenFrom(request: Request) {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === cookieName()) return rest.join("=");
  }
  return null;
}

/** The live challenge of this browser, with its member, or null. */
export async function readChallenge(request: Request) {
  const token = tokenFrom(request);
  if (!token) return null;
  const [row] = await db
    .select({
      id: signInChallenges.id,
      purpose: signInChallenges.purpose,
      redirectTo: signInChallenges.redirectTo,
      attempts: signInChallenges.attempts,
      userId: users.id,
      email: users.email,
      role: users.role,
    })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .where(and(eq(signInChallenges.id, hashToken(token)), gt(signInChallenges.expiresAt, sql`now()`)));
  return row ?? null;
}

/** Counts a wrong code; after the fifth the challenge is gone and the password is asked again. */
export async function countWrongCode(id: string) {
  const [row] = await db
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(eq(signInChallenges.id, id))
    .returning({ attempts: signInChallenges.attempts });
  if (!row || row.attempts >= MAX_CODE_ATTEMPTS) {
    await endChallenge(id);
    return { exhausted: true };
  }
  return { exhausted: false };
}

export async function endChallenge(id: string) {
  await db.delete(signInChallenges).where(eq(signInChallenges.id, id));
}

/** Ends the challenge and starts the session: both cookies for the response. */
export async function completeChallenge(challenge: { id: string; userId: number }, userAgent: string | null) {
  const { startSession } = await import("~/accounts/sign-in.server");
  const { sessionCookie } = await import("~/accounts/session.server");
  await endChallenge(challenge.id);
  const session = await startSession(challenge.userId, userAgent);
  const headers = new Headers();
  headers.append("Set-Cookie", clearedChallengeCookie());
  headers.append("Set-Cookie", sessionCookie(session.token, session.absoluteExpiresAt));
  return headers;
}
