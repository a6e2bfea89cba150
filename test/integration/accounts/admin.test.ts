import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, startCountingQueries, stopCountingQueries } from "../../../db/client.server";
import { auditEvents, sessions, users } from "../../../db/schema";
import { validateSessionToken } from "../../../app/accounts/session.server";
import { recordAudit } from "../../../app/accounts/audit.server";
import { resetEnv } from "../../../app/env.server";
import * as adminIndex from "../../../app/routes/admin._index";
import * as invitationsRoute from "../../../app/routes/admin.einladungen";
import * as accounts from "../../../app/routes/admin.konten";
import * as auditLog from "../../../app/routes/admin.protokoll";
import * as login from "../../../app/routes/login";
import { createUser, TEST_PASSWORD, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { auditFor } from "../../support/audit";
import { inviteThroughRoute, tokenOf } from "./helpers";

const post = (admin: TestUser, form: Record<string, string>) =>
  callRoute(accounts.action, "/admin/konten", { user: admin, form: { password: TEST_PASSWORD, ...form } });

describe("admin overview", () => {
  it("links all subpages for admins and invitations and the OParl sync for staff", async () => {
    const admin = await createUser("admin");
    const staff = await createUser("staff");
    const asAdmin = await (await callRoute(adminIndex.loader, "/admin", { user: admin })).json();
    expect(asAdmin.links.map((l: { to: string }) => l.to)).toEqual([
      "/admin/konten",
      "/admin/einladungen",
      "/admin/protokoll",
      "/admin/oparl",
      "/admin/mails",
      "/admin/auftraege",
      "/admin/sicherung",
      "/admin/verarbeitungsverzeichnis",
      "/admin/gebaerdensprache",
    ]);
    const asStaff = await (await callRoute(adminIndex.loader, "/admin", { user: staff })).json();
    expect(asStaff.links.map((l: { to: string }) => l.to)).toEqual(["/admin/einladungen", "/admin/oparl"]);
  });
});

describe("accounts administration", () => {
  it("lists accounts paginated, deleted ones as former members", async () => {
    const admin = await createUser("admin");
    const created: TestUser[] = [];
    for (let i = 0; i < 26; i++) created.push(await createUser("expert"));
    const total = (await db.select({ id: users.id }).from(users)).length;
    await db.update(users).set({ email: null, name: null, passwordHash: null, deletedAt: new Date() }).where(eq(users.id, created[0].id));
    const first = await (await callRoute(accounts.loader, "/admin/konten", { user: admin })).json();
    expect(first.users).toHaveLength(25);
    expect(first.totalPages).toBe(Math.ceil(total / 25));
    expect(first.users.find((u: { id: number }) => u.id === created[0].id).name).toBe("ehemaliges Mitglied");
    const second = await (await callRoute(accounts.loader, "/admin/konten?seite=2", { user: admin })).json();
    expect(second.users).toHaveLength(Math.min(25, total - 25));
    expect(second.users[0].id).toBeGreaterThan(first.users[24].id);
  });

  it("changes a role and audits it with before and after", async () => {
    const admin = await createUser("admin");
    const member = await createUser("council");
    const response = await post(admin, { intent: "role", userId: String(member.id), role: "expert" });
    expect(response.status).toBe(200);
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(row.role).toBe("expert");
    const [event] = await auditFor("user.role_changed", member.id);
    expect(event).toMatchObject({ actorId: admin.id, details: { from: "council", to: "expert" } });
    const invalid = await post(admin, { intent: "role", userId: String(member.id), role: "chef" });
    expect(invalid.status).toBe(422);
  });

  it("disabling ends the account's sessions at once and blocks sign-in; enabling allows it again", async () => {
    const admin = await createUser("admin");
    const member = await createUser("expert");
    const response = await post(admin, { intent: "disable", userId: String(member.id) });
    expect(response.status).toBe(200);
    expect(await db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    expect(await validateSessionToken(tokenOf(member))).toBeNull();
    expect((await callRoute(login.action, "/login", { form: { email: member.email, password: TEST_PASSWORD } })).status).toBe(401);
    expect(await auditFor("user.disabled", member.id)).toHaveLength(1);

    expect((await post(admin, { intent: "enable", userId: String(member.id) })).status).toBe(200);
    expect((await callRoute(login.action, "/login", { form: { email: member.email, password: TEST_PASSWORD } })).status).toBe(302);
    expect(await auditFor("user.enabled", member.id)).toHaveLength(1);
  });

  it("never leaves the portal without an active admin, and admins cannot disable themselves", async () => {
    await db.update(users).set({ role: "staff" }).where(eq(users.role, "admin"));
    const admin = await createUser("admin");
    const demote = await post(admin, { intent: "role", userId: String(admin.id), role: "staff" });
    expect(demote.status).toBe(409);
    expect((await demote.json()).errors.form).toMatch(/letzte aktive Administrationskonto/);
    const self = await post(admin, { intent: "disable", userId: String(admin.id) });
    expect(self.status).toBe(409);
    expect((await self.json()).errors.form).toBe("Sie können Ihr eigenes Konto nicht sperren.");

    const other = await createUser("admin");
    expect((await post(admin, { intent: "disable", userId: String(other.id) })).status).toBe(200);
    expect((await post(other, { intent: "role", userId: String(admin.id), role: "staff" })).status).toBe(302);
    expect((await post(admin, { intent: "role", userId: String(admin.id), role: "staff" })).status).toBe(409);
    expect((await post(admin, { intent: "enable", userId: String(other.id) })).status).toBe(200);
    const [demoteSelf, demoteOther] = await Promise.all([
      post(admin, { intent: "role", userId: String(admin.id), role: "staff" }),
      post(admin, { intent: "role", userId: String(other.id), role: "staff" }),
    ]);
    expect([demoteSelf.status, demoteOther.status].sort()).toEqual([200, 409]);
    const active = await db.select().from(users).where(eq(users.role, "admin"));
    expect(active).toHaveLength(1);
  });

  it("answers 404 for an account that does not exist or was deleted", async () => {
    const admin = await createUser("admin");
    expect((await post(admin, { intent: "disable", userId: "999999" })).status).toBe(404);
  });
});

describe("query counts", () => {
  it("the accounts, invitations and audit pages issue the same few queries however many rows they show", async () => {
    const admin = await createUser("admin");
    const pages: Array<[Parameters<typeof callRoute>[0], string]> = [
      [accounts.loader, "/admin/konten"],
      [invitationsRoute.loader, "/admin/einladungen"],
      [auditLog.loader, "/admin/protokoll"],
    ];
    const measure = async () => {
      const counts: number[] = [];
      for (const [loader, path] of pages) {
        startCountingQueries();
        expect((await callRoute(loader, path, { user: admin })).status).toBe(200);
        counts.push(stopCountingQueries()!.count);
      }
      return counts;
    };
    const before = await measure();
    for (let i = 0; i < 20; i++) {
      const member = await createUser("expert");
      await recordAudit(db, { actorId: member.id, action: "auth.sign_in", objectType: "user", objectId: member.id });
    }
    for (let i = 0; i < 5; i++) await inviteThroughRoute(admin, `zaehlung-${i}@example.org`, "expert");
    expect(await measure()).toEqual(before);
    expect(Math.max(...before)).toBeLessThanOrEqual(3);
  });
});

describe("audit log", () => {
  it("shows events newest first with German labels, paginated", async () => {
    const admin = await createUser("admin");
    // The sign-in itself, without the second factor (tested in two-factor.test.ts).
    process.env.REQUIRE_2FA_ROLES = "";
    resetEnv();
    await callRoute(login.action, "/login", { form: { email: admin.email, password: "falsch-falsch-1" } });
    await callRoute(login.action, "/login", { form: { email: admin.email, password: TEST_PASSWORD } });
    delete process.env.REQUIRE_2FA_ROLES;
    resetEnv();
    const first = await (await callRoute(auditLog.loader, "/admin/protokoll", { user: admin })).json();
    expect(first.events[0]).toMatchObject({ action: "Anmeldung", actor: admin.name });
    expect(first.events[1]).toMatchObject({ action: "Fehlgeschlagene Anmeldung" });
    expect(first.events[1].details).toContain(admin.email);
    expect(first.hasMore).toBe(false);

    for (let i = 0; i < 50; i++)
      await recordAudit(db, {
        actorId: admin.id,
        action: "user.role_changed",
        objectType: "user",
        objectId: admin.id,
        details: { from: "staff", to: "admin" },
      });
    const page1 = await (await callRoute(auditLog.loader, "/admin/protokoll", { user: admin })).json();
    expect(page1.events).toHaveLength(50);
    expect(page1.hasMore).toBe(true);
    expect(page1.events.every((e: { action: string }) => e.action === "Rolle geändert")).toBe(true);
    expect(page1.events[0]).toMatchObject({ object: `Konto ${admin.id}` });
    expect(page1.events[0].details).toBe("vorher: Verwaltung, nachher: Administration");
    const page2 = await (await callRoute(auditLog.loader, "/admin/protokoll?seite=2", { user: admin })).json();
    expect(page2.events.slice(0, 2).map((e: { action: string }) => e.action)).toEqual(["Anmeldung", "Fehlgeschlagene Anmeldung"]);
    const total = (await db.select({ id: auditEvents.id }).from(auditEvents)).length;
    expect(page2.hasMore).toBe(total > 100);
  });
});
