import { sql } from "drizzle-orm";
import { hashPassword } from "../../app/accounts/password.server";
import { generateToken, hashToken } from "../../app/accounts/token.server";
import type { Database } from "../../db/client.server";
import { BASE, rows, run, textArray, type GenerateContext } from "./context";
import { FIRST_NAMES, LAST_NAMES } from "./text";

export const BENCH_PASSWORD = "Bench-Passwort-2025!";
const MEMBERS = 50;

/** 50 board members (experts), an admin, two staff, five council members; the bench signs in as the first expert. */
export async function generateAccounts(db: Database): Promise<{ people: GenerateContext["people"]; sessionToken: string }> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const created = await rows<{ id: number; role: string }>(
    db,
    sql`insert into users (email, name, organisation, role, password_hash, expertise, created_at)
        select 'person' || i || '@bench.digitalbeirat.de',
               (${textArray(FIRST_NAMES)})[1 + i % 16] || ' ' || (${textArray(LAST_NAMES)})[1 + (i * 7) % 16],
               'Organisation ' || (1 + i % 12),
               case when i = 0 then 'admin' when i <= 2 then 'staff' when i <= ${MEMBERS + 2} then 'expert' else 'council' end,
               ${passwordHash}, array['KI', 'IT-Sicherheit'], ${BASE} - interval '400 days'
        from generate_series(0, ${MEMBERS + 7}) i
        order by i
        returning id, role`,
  );
  const byRole = (role: string) => created.filter((u) => u.role === role).map((u) => u.id);
  const experts = byRole("expert");
  const sessionToken = generateToken();
  await run(
    db,
    sql`insert into sessions (id, user_id, expires_at, absolute_expires_at, user_agent)
        values (${hashToken(sessionToken)}, ${experts[0]}, now() + interval '12 hours', now() + interval '12 hours', 'bench')`,
  );
  return {
    people: { admin: byRole("admin")[0], staff: byRole("staff"), experts, council: byRole("council"), benchExpert: experts[0] },
    sessionToken,
  };
}
