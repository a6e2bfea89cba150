import { randomBytes } from "node:crypto";
import { db } from "../../db/client.server";
import { users, type Role } from "../../db/schema";
import { hashPassword } from "../../app/accounts/password.server";
import { createSession, sessionCookieName } from "../../app/accounts/session.server";

export const TEST_PASSWORD = "Korrekt-Pferd-Batterie-42";
let passwordHashCache: string | undefined;

export type TestUser = { id: number; email: string; name: string; role: Role; cookie: string };

/** A user with the given role and a live session; `cookie` goes into the Cookie header. */
export async function createUser(role: Role, overrides: Partial<{ email: string; name: string; organisation: string }> = {}): Promise<TestUser> {
  passwordHashCache ??= await hashPassword(TEST_PASSWORD);
  const suffix = randomBytes(4).toString("hex");
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `${role}-${suffix}@example.org`,
      name: overrides.name ?? `Test ${role} ${suffix}`,
      organisation: overrides.organisation ?? "Testorganisation",
      role,
      passwordHash: passwordHashCache,
    })
    .returning();
  const session = await createSession(user.id, "vitest");
  return { id: user.id, email: user.email!, name: user.name!, role, cookie: `${sessionCookieName()}=${session.token}` };
}

/** One user per role, for permission matrices. `visitor` is null. */
export async function createUsersForAllRoles() {
  const [admin, staff, expert, council] = await Promise.all((["admin", "staff", "expert", "council"] as const).map((role) => createUser(role)));
  return { admin, staff, expert, council, visitor: null };
}
