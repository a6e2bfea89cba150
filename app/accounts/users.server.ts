import { eq, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { users } from "#db/schema";

export async function findUserByEmail(email: string) {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return user ?? null;
}

export async function getUserById(id: number) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

/** Who an account is: the columns every list or export of accounts starts with. */
export function accountColumns() {
  return { id: users.id, email: users.email, name: users.name, organisation: users.organisation, role: users.role };
}

/** The name shown next to authored content; deleted accounts stay as "ehemaliges Mitglied". */
export function displayName(user: { name: string | null; deletedAt: Date | string | null }) {
  return user.deletedAt || !user.name ? "ehemaliges Mitglied" : user.name;
}
