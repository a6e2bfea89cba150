import { db } from "#db/client.server";
import { users } from "#db/schema";
import { hashPassword } from "~/accounts/password.server";
import { recordAudit } from "./audit.server";

export class AdminExistsError extends Error {
  constructor() {
    super("email taken");
  }
}

/** The command-line way to the first admin; the unique email index refuses a duplicate. */
export async function createAdminAccount(input: { email: string; name: string; organisation: string | null; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: input.email.trim().toLowerCase(), name: input.name, organisation: input.organisation, role: "admin", passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new AdminExistsError();
    await recordAudit(tx, { actorId: null, action: "admin.created", objectType: "user", objectId: row.id, details: { via: "cli" } });
    return row;
  });
}
