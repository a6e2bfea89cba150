import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { users } from "#db/schema";
import { removeTwoFactor } from "./two-factor.server";

/**
 * An admin (or `npm run admin:reset-2fa`) removes a member's second factor, audited; the member
 * enrols again at the next sign-in if the role requires it. False when the account is gone.
 */
export async function resetMemberTwoFactor({ actorId, userId }: { actorId: number | null; userId: number }) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!row) return false;
  await removeTwoFactor({ actorId, userId, action: "auth.2fa_reset" });
  return true;
}

export async function resetTwoFactorByEmail(email: string) {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`, isNull(users.deletedAt)));
  if (!row) return false;
  return resetMemberTwoFactor({ actorId: null, userId: row.id });
}
