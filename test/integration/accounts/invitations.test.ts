import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { invitations, users } from "../../../db/schema";
import { hashToken } from "../../../app/accounts/token.server";
import { validateSessionToken } from "../../../app/accounts/session.server";
import * as accept from "../../../app/routes/einladung.$token";
import * as invitationsRoute from "../../../app/routes/admin.einladungen";
import { createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { auditFor } from "../../support/audit";
import { inviteThroughRoute, NEW_PASSWORD } from "./helpers";

const acceptForm = (overrides: Record<string, string> = {}) => ({
  name: "Dr. Eva Neumann",
  organisation: "Hochschule Koblenz",
  expertise: "KI, Datenschutz, KI",
  password: NEW_PASSWORD,
  passwordConfirm: NEW_PASSWORD,
  ...overrides,
});

function acceptAction(
  token: string,
  form: Record<string, string>,
  user = null as Parameters<typeof callRoute>[2] extends infer O ? (O extends { user?: infer U } ? U : never) : never,
) {
  return callRoute(accept.action, `/einladung/${token}`, { params: { token }, form, user });
}

/** The stored invitation behind a link's token. */
async function invitationFor(token: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)));
  return row;
}

describe("creating invitations", () => {
  it("stores only the token's hash, with the configured validity, and audits it", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "Eva.Neumann@Example.org", "expert");
    const row = await invitationFor(token);
    expect(row.email).toBe("eva.neumann@example.org");
    expect(row.role).toBe("expert");
    expect(row.invitedById).toBe(admin.id);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const stored = await db.select().from(invitations).where(eq(invitations.tokenHash, token));
    expect(stored).toHaveLength(0);
    expect(await auditFor("invitation.created", row.id)).toHaveLength(1);
  });

  it("lists open invitations and lets staff revoke them", async () => {
    const staff = await createUser("staff");
    await inviteThroughRoute(staff, "liste@example.org", "council");
    const list = await callRoute(invitationsRoute.loader, "/admin/einladungen", { user: staff });
    const body = await list.json();
    const entry = body.invitations.find((i: { email: string }) => i.email === "liste@example.org");
    expect(entry.inviter).toBe(staff.name);
    expect(body.roles).toEqual(["staff", "expert", "council"]);
    const revoke = await callRoute(invitationsRoute.action, "/admin/einladungen", { user: staff, form: { intent: "revoke", id: String(entry.id) } });
    expect(revoke.status).toBe(200);
    expect(await auditFor("invitation.revoked", entry.id)).toHaveLength(1);
    const again = await callRoute(invitationsRoute.action, "/admin/einladungen", { user: staff, form: { intent: "revoke", id: String(entry.id) } });
    expect(again.status).toBe(404);
  });

  it("refuses an admin invitation from staff, a bad email, an existing account and a second open invitation", async () => {
    const staff = await createUser("staff");
    const post = (form: Record<string, string>) =>
      callRoute(invitationsRoute.action, "/admin/einladungen", { user: staff, form: { intent: "create", ...form } });
    const asAdmin = await post({ email: "chefin@example.org", role: "admin" });
    expect(asAdmin.status).toBe(403);
    expect((await asAdmin.json()).errors.role).toBe("Diese Rolle dürfen Sie nicht vergeben.");
    const badEmail = await post({ email: "keine-adresse", role: "expert" });
    expect(badEmail.status).toBe(422);
    expect((await badEmail.json()).values.email).toBe("keine-adresse");
    const existing = await createUser("expert");
    const taken = await post({ email: existing.email.toUpperCase(), role: "expert" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).errors.email).toBe("Für diese E-Mail-Adresse gibt es bereits ein Konto.");
    await post({ email: "doppelt@example.org", role: "expert" });
    const twice = await post({ email: "doppelt@example.org", role: "council" });
    expect(twice.status).toBe(409);
    expect((await twice.json()).errors.email).toMatch(/bereits eine offene Einladung/);
  });

  it("renews an expired invitation for the same address", async () => {
    const admin = await createUser("admin");
    const first = await inviteThroughRoute(admin, "spaet@example.org", "expert");
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.tokenHash, hashToken(first.token)));
    const second = await inviteThroughRoute(admin, "spaet@example.org", "expert");
    expect(second.token).not.toBe(first.token);
    const response = await callRoute(accept.loader, `/einladung/${first.token}`, { params: { token: first.token } });
    expect(response.status).toBe(410);
  });
});

describe("accepting an invitation", () => {
  it("creates the account with the invited role, signs the invitee in and uses up the link", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "eva@example.org", "expert");
    const page = await callRoute(accept.loader, `/einladung/${token}`, { params: { token } });
    expect(page.status).toBe(200);
    expect((await page.json()).email).toBe("eva@example.org");

    const response = await acceptAction(token, acceptForm());
    expect(response.status).toBe(302);
    const sessionToken = /session=([^;]+)/.exec(response.headers.get("Set-Cookie") ?? "")?.[1] ?? "";
    const session = await validateSessionToken(sessionToken);
    expect(session?.user.email).toBe("eva@example.org");
    expect(session?.user.role).toBe("expert");
    const [user] = await db.select().from(users).where(eq(users.email, "eva@example.org"));
    expect(user.expertise).toEqual(["KI", "Datenschutz"]);
    expect(user.organisation).toBe("Hochschule Koblenz");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await auditFor("invitation.accepted", user.id)).toHaveLength(1);

    const reused = await callRoute(accept.loader, `/einladung/${token}`, { params: { token } });
    expect(reused.status).toBe(410);
    expect((await reused.json()).closed.title).toBe("Einladung bereits verwendet");
    const again = await acceptAction(token, acceptForm());
    expect(again.status).toBe(410);
  });

  it("applies the password rules and the confirm field, keeping what was typed", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "regeln@example.org", "council");
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ password: "kurz", passwordConfirm: "kurz" }, "password", "mindestens 12 Zeichen"],
      [{ password: "passwort1234", passwordConfirm: "passwort1234" }, "password", "häufig verwendeter"],
      [{ password: "regeln-regeln-1", passwordConfirm: "regeln-regeln-1" }, "password", "E-Mail-Adresse nicht enthalten"],
      [{ passwordConfirm: "etwas-anderes-123" }, "passwordConfirm", "stimmen nicht überein"],
      [{ name: "  " }, "name", "Namen ein"],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await acceptAction(token, acceptForm(overrides));
      expect(response.status).toBe(422);
      const body = await response.json();
      expect(body.errors[field]).toContain(message);
      expect(body.values.organisation).toBe("Hochschule Koblenz");
    }
    const row = await invitationFor(token);
    expect(row.acceptedAt).toBeNull();
  });

  it("shows expired, revoked and unknown links as clear 410/404 pages and refuses them", async () => {
    const admin = await createUser("admin");
    const expired = await inviteThroughRoute(admin, "abgelaufen@example.org", "expert");
    await db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.tokenHash, hashToken(expired.token)));
    const revoked = await inviteThroughRoute(admin, "widerrufen@example.org", "expert");
    const revokedRow = await invitationFor(revoked.token);
    await callRoute(invitationsRoute.action, "/admin/einladungen", { user: admin, form: { intent: "revoke", id: String(revokedRow.id) } });

    for (const [token, status, title] of [
      [expired.token, 410, "Einladung abgelaufen"],
      [revoked.token, 410, "Einladung widerrufen"],
      ["a".repeat(52), 404, "Einladungslink ungültig"],
    ] as const) {
      const page = await callRoute(accept.loader, `/einladung/${token}`, { params: { token } });
      expect(page.status).toBe(status);
      expect((await page.json()).closed.title).toBe(title);
      const post = await acceptAction(token, acceptForm());
      expect(post.status).toBe(status);
    }
    const created = await db
      .select()
      .from(users)
      .where(sql`${users.email} in ('abgelaufen@example.org', 'widerrufen@example.org')`);
    expect(created).toHaveLength(0);
  });

  it("refuses when an account with the email appeared meanwhile, and leaves the invitation open", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "spaeter-da@example.org", "expert");
    await createUser("council", { email: "Spaeter-Da@example.org" });
    const response = await acceptAction(token, acceptForm());
    expect(response.status).toBe(409);
    expect((await response.json()).errors.form).toBe("Für diese E-Mail-Adresse gibt es bereits ein Konto.");
    const row = await invitationFor(token);
    expect(row.acceptedAt).toBeNull();
  });

  it("creates exactly one account when the same link is accepted twice in parallel", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "parallel@example.org", "expert");
    const responses = await Promise.all([acceptAction(token, acceptForm()), acceptAction(token, acceptForm()), acceptAction(token, acceptForm())]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 410, 410]);
    const created = await db.select().from(users).where(eq(users.email, "parallel@example.org"));
    expect(created).toHaveLength(1);
  });

  it("tells a signed-in user to sign out first instead of creating a second account", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "angemeldet@example.org", "expert");
    const page = await callRoute(accept.loader, `/einladung/${token}`, { params: { token }, user: admin });
    expect((await page.json()).signedIn).toBe(true);
    const post = await acceptAction(token, acceptForm(), admin);
    expect(post.status).toBe(409);
  });
});
