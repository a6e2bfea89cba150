import { randomBytes } from "node:crypto";
import type { Database } from "../../../db/client.server";
import { sessions, users, type Role } from "../../../db/schema";
import { hashPassword } from "../../../app/accounts/password.server";
import { generateToken, hashToken } from "../../../app/accounts/token.server";

export const LOAD_PASSWORD = "Last-Test-Passwort-2025!";

export type Member = { id: number; email: string; name: string; role: Role; cookie: string };

/**
 * `count` accounts of one role, each with a live session written straight into the database
 * (signing 50 clients in through argon2 would only measure argon2).
 */
export async function createMembers(db: Database, role: Role, count: number): Promise<Member[]> {
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const run = randomBytes(3).toString("hex");
  const rows = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${role}-${run}-${i}@last.example.org`,
        name: `Last ${role} ${i}`,
        organisation: "Lasttest",
        role,
        passwordHash,
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name });
  const now = Date.now();
  const tokens = rows.map(() => generateToken());
  await db.insert(sessions).values(
    rows.map((row, i) => ({
      id: hashToken(tokens[i]),
      userId: row.id,
      expiresAt: new Date(now + 2 * 3_600_000),
      absoluteExpiresAt: new Date(now + 12 * 3_600_000),
      userAgent: "lasttest",
    })),
  );
  return rows.map((row, i) => ({ id: row.id, email: row.email!, name: row.name!, role, cookie: `session=${tokens[i]}` }));
}
