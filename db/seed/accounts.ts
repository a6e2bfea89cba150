import { hashPassword } from "../../app/accounts/password.server";
import { generateToken, hashToken } from "../../app/accounts/token.server";
import { insertInvitation } from "../../app/accounts/invitations.server";
import type { Executor } from "../client.server";
import { users, type Role } from "../schema";

/** One login per role, printed by `npm run demo` and listed in the README. */
export const DEMO_LOGINS: Array<{ role: Role; email: string; password: string; name: string; organisation: string }> = [
  {
    role: "admin",
    email: "admin@demo.digitalbeirat.de",
    password: "Demo-Admin-2025!",
    name: "Petra Admin",
    organisation: "Stadtverwaltung Koblenz, IT-Betrieb",
  },
  {
    role: "staff",
    email: "verwaltung@demo.digitalbeirat.de",
    password: "Demo-Verwaltung-2025!",
    name: "Markus Schneider",
    organisation: "10-Amt für Personal und Organisation",
  },
  {
    role: "expert",
    email: "expertin@demo.digitalbeirat.de",
    password: "Demo-Expertin-2025!",
    name: "Dr. Anna Keller",
    organisation: "Hochschule Koblenz, Informatik",
  },
  { role: "council", email: "rat@demo.digitalbeirat.de", password: "Demo-Ratsmitglied-2025!", name: "Thomas Becker", organisation: "Stadtrat Koblenz" },
];

/** Further board members, so ratings and votes have several voices. They share one password. */
export const DEMO_MORE_EXPERTS = [
  { email: "jonas.wagner@demo.digitalbeirat.de", name: "Jonas Wagner", organisation: "CyberSec Mittelrhein GmbH", expertise: ["IT-Sicherheit"] },
  { email: "leyla.oezdemir@demo.digitalbeirat.de", name: "Leyla Özdemir", organisation: "KI-Werkstatt Koblenz e. V.", expertise: ["KI", "Barrierefreiheit"] },
  { email: "stefan.hoffmann@demo.digitalbeirat.de", name: "Stefan Hoffmann", organisation: "Rechenzentrum Rhein-Mosel", expertise: ["Infrastruktur"] },
  {
    email: "miriam.schulz@demo.digitalbeirat.de",
    name: "Miriam Schulz",
    organisation: "Verbraucherzentrale Rheinland-Pfalz (Digitales)",
    expertise: ["Datenschutz", "OZG"],
  },
];
export const DEMO_MORE_EXPERTS_PASSWORD = "Demo-Beirat-2025!";

export type DemoUsers = {
  admin: number;
  staff: number;
  council: number;
  /** All experts, the demo login first. */
  experts: number[];
};

export async function seedAccounts(tx: Executor): Promise<DemoUsers> {
  const byRole: Partial<Record<Role, number>> = {};
  const experts: number[] = [];
  for (const login of DEMO_LOGINS) {
    const [row] = await tx
      .insert(users)
      .values({
        email: login.email,
        name: login.name,
        organisation: login.organisation,
        role: login.role,
        expertise: login.role === "expert" ? ["KI", "Verwaltungsdigitalisierung"] : [],
        passwordHash: await hashPassword(login.password),
        // The demo expert agreed to appear as an OParl Person; the other members did not.
        oparlConsentAt: login.role === "expert" ? new Date("2025-01-15T09:00:00Z") : null,
      })
      .returning({ id: users.id });
    byRole[login.role] = row.id;
    if (login.role === "expert") experts.push(row.id);
  }
  const sharedHash = await hashPassword(DEMO_MORE_EXPERTS_PASSWORD);
  for (const expert of DEMO_MORE_EXPERTS) {
    const [row] = await tx
      .insert(users)
      .values({ ...expert, role: "expert", passwordHash: sharedHash })
      .returning({ id: users.id });
    experts.push(row.id);
  }
  const people = { admin: byRole.admin!, staff: byRole.staff!, council: byRole.council!, experts };
  await seedOpenInvitation(tx, people);
  return people;
}

/**
 * The Verwaltung has invited a data-protection expert for the AI test run (Teststellung); the
 * link was handed over and is still open. Its token is thrown away: the row only fills the list.
 */
async function seedOpenInvitation(tx: Executor, people: DemoUsers) {
  await insertInvitation(tx, {
    email: "katrin.roth@demo.digitalbeirat.de",
    role: "expert",
    tokenHash: hashToken(generateToken()),
    invitedById: people.staff,
    expiresAt: new Date(Date.now() + 5 * 86_400_000),
  });
}
