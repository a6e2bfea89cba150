import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { invitations, sessions, users } from "../../../db/schema";
import { createSession, sessionCookieName, validateSessionToken } from "../../../app/accounts/session.server";
import { hashToken } from "../../../app/accounts/token.server";
import { displayName } from "../../../app/accounts/users.server";
import * as account from "../../../app/routes/konto._index";
import * as deletion from "../../../app/routes/konto.loeschen";
import * as exportRoute from "../../../app/routes/konto.export";
import * as password from "../../../app/routes/konto.passwort";
import * as login from "../../../app/routes/login";
import * as logout from "../../../app/routes/logout";
import { createUser, TEST_PASSWORD, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { auditFor } from "../../support/audit";
import { inviteThroughRoute, NEW_PASSWORD, tokenOf } from "./helpers";

async function secondSession(user: TestUser, userAgent = "Firefox auf dem Tablet") {
  const { token } = await createSession(user.id, userAgent);
  return { ...user, cookie: `${sessionCookieName()}=${token}` };
}

describe("profile", () => {
  it("saves name, organisation and expertise tags and audits the change", async () => {
    const user = await createUser("expert");
    const response = await callRoute(account.action, "/konto", {
      user,
      form: { intent: "profile", name: "Dr. Anna Keller", organisation: "", expertise: "KI,  IT-Sicherheit , KI" },
    });
    expect(response.status).toBe(200);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ name: "Dr. Anna Keller", organisation: null, expertise: ["KI", "IT-Sicherheit"] });
    expect(await auditFor("account.profile_updated", user.id)).toHaveLength(1);
  });

  it("refuses an empty name and too many tags with field errors and keeps the input", async () => {
    const user = await createUser("council");
    const response = await callRoute(account.action, "/konto", {
      user,
      form: { intent: "profile", name: "", organisation: "Rat", expertise: Array.from({ length: 11 }, (_, i) => `Tag${i}`).join(",") },
    });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.errors.name).toBe("Bitte geben Sie Ihren Namen ein.");
    expect(body.errors.expertise).toMatch(/Höchstens 10/);
    expect(body.values.organisation).toBe("Rat");
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row.name).toBe(user.name);
  });
});

describe("sessions", () => {
  it("lists the user's own active sessions with the current one marked, and no one else's", async () => {
    const user = await createUser("expert");
    await secondSession(user);
    await createUser("expert");
    const response = await callRoute(account.loader, "/konto", { user });
    const body = await response.json();
    expect(body.sessions).toHaveLength(2);
    const current = body.sessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].id).toBe(hashToken(tokenOf(user)));
    expect(body.sessions.map((s: { userAgent: string }) => s.userAgent).sort()).toEqual(["Firefox auf dem Tablet", "vitest"]);
  });

  it("ends another session of one's own, but not someone else's", async () => {
    const user = await createUser("expert");
    const other = await secondSession(user);
    const stranger = await createUser("staff");
    const strangerId = hashToken(tokenOf(stranger));
    const refused = await callRoute(account.action, "/konto", { user, form: { intent: "end-session", sessionId: strangerId } });
    expect(refused.status).toBe(404);
    expect(await validateSessionToken(tokenOf(stranger))).not.toBeNull();

    const response = await callRoute(account.action, "/konto", { user, form: { intent: "end-session", sessionId: hashToken(tokenOf(other)) } });
    expect(response.status).toBe(200);
    expect(await validateSessionToken(tokenOf(other))).toBeNull();
    expect(await validateSessionToken(tokenOf(user))).not.toBeNull();
    expect(await auditFor("account.session_ended", user.id)).toHaveLength(1);
  });

  it("removes expired sessions of every account at the next sign-in", async () => {
    const idle = await createUser("expert");
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, hashToken(tokenOf(idle))));
    const active = await createUser("council");
    expect((await callRoute(login.action, "/login", { form: { email: active.email, password: TEST_PASSWORD } })).status).toBe(302);
    expect(await db.select().from(sessions).where(eq(sessions.userId, idle.id))).toHaveLength(0);
    expect(await validateSessionToken(tokenOf(active))).not.toBeNull();
  });

  it("signing out records it in the audit log", async () => {
    const user = await createUser("expert");
    const response = await callRoute(logout.action, "/logout", { method: "POST", user });
    expect(response.status).toBe(302);
    expect(await validateSessionToken(tokenOf(user))).toBeNull();
    expect(await auditFor("auth.sign_out", user.id)).toHaveLength(1);
  });

  it("ending the current session signs out", async () => {
    const user = await createUser("council");
    const response = await callRoute(account.action, "/konto", { user, form: { intent: "end-session", sessionId: hashToken(tokenOf(user)) } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await validateSessionToken(tokenOf(user))).toBeNull();
  });
});

describe("changing the password", () => {
  it("requires the current password and applies the rules", async () => {
    const user = await createUser("expert");
    const wrong = await callRoute(password.action, "/konto/passwort", {
      user,
      form: { currentPassword: "falsch-falsch", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).errors.currentPassword).toBe("Das aktuelle Passwort ist falsch.");
    const short = await callRoute(password.action, "/konto/passwort", {
      user,
      form: { currentPassword: TEST_PASSWORD, password: "zu-kurz", passwordConfirm: "zu-kurz" },
    });
    expect(short.status).toBe(422);
    expect((await short.json()).errors.password).toMatch(/mindestens 12 Zeichen/);
    const mismatch = await callRoute(password.action, "/konto/passwort", {
      user,
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: "anders-anders-1" },
    });
    expect((await mismatch.json()).errors.passwordConfirm).toMatch(/stimmen nicht überein/);
    expect(await auditFor("account.password_changed", user.id)).toHaveLength(0);
  });

  it("stops accepting password checks after five failures in 15 minutes", async () => {
    const user = await createUser("council");
    const attempt = (currentPassword: string) =>
      callRoute(password.action, "/konto/passwort", { user, form: { currentPassword, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD } });
    for (let i = 0; i < 5; i++) expect((await attempt(`falsch-${i}-falsch`)).status).toBe(422);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect((await locked.json()).errors.currentPassword).toMatch(/Zu viele falsche Passworteingaben/);
    const deleting = await callRoute(deletion.action, "/konto/loeschen", { user, form: { password: TEST_PASSWORD } });
    expect(deleting.status).toBe(429);
    expect(await auditFor("account.password_check_failed", user.id)).toHaveLength(5);
    expect(await auditFor("account.password_changed", user.id)).toHaveLength(0);
  });

  it("sets the new password and ends every other session, keeping this one", async () => {
    const user = await createUser("expert");
    const other = await secondSession(user);
    const response = await callRoute(password.action, "/konto/passwort", {
      user,
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(await validateSessionToken(tokenOf(other))).toBeNull();
    expect(await validateSessionToken(tokenOf(user))).not.toBeNull();
    const [event] = await auditFor("account.password_changed", user.id);
    expect(event.details).toEqual({ endedSessions: 1 });
    const oldLogin = await callRoute(login.action, "/login", { form: { email: user.email, password: TEST_PASSWORD } });
    expect(oldLogin.status).toBe(401);
    const newLogin = await callRoute(login.action, "/login", { form: { email: user.email, password: NEW_PASSWORD } });
    expect(newLogin.status).toBe(302);
  });
});

describe("data export", () => {
  it("contains the user's profile, sessions, invitations and audit events, and nothing of others", async () => {
    const user = await createUser("staff", { name: "Markus Export", organisation: "10-Amt" });
    const stranger = await createUser("expert", { name: "Fremde Person", email: "fremd@example.org" });
    await secondSession(user, "Chromium im Büro");
    await inviteThroughRoute(user, "eingeladen@example.org", "council");
    await callRoute(password.action, "/konto/passwort", {
      user: stranger,
      form: { currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    await callRoute(login.action, "/login", { form: { email: stranger.email, password: "falsch-falsch-1" } });

    const response = await callRoute(exportRoute.loader, "/konto/export", { user });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="digitalbeirat-meine-daten-\d{4}-\d{2}-\d{2}\.json"/);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ id: user.id, email: user.email, name: "Markus Export", organisation: "10-Amt", role: "staff" });
    expect(data.profile.passwordHash).toBeUndefined();
    expect(data.sessions.map((s: { userAgent: string }) => s.userAgent).sort()).toEqual(["Chromium im Büro", "vitest"]);
    expect(data.invitationsSent).toEqual([expect.objectContaining({ email: "eingeladen@example.org", role: "council" })]);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain("invitation.created");
    expect(
      data.auditEvents.every(
        (e: { byYou: boolean; objectId: string; objectType: string }) => e.byYou || (e.objectType === "user" && e.objectId === String(user.id)),
      ),
    ).toBe(true);
    for (const foreign of ["fremd@example.org", "Fremde Person", "argon2", hashToken(tokenOf(user))]) expect(text).not.toContain(foreign);
  });
});

describe("deleting one's own account", () => {
  it("needs the password, then anonymises the row, ends sessions and removes open invitations sent", async () => {
    const user = await createUser("staff");
    const other = await secondSession(user);
    await inviteThroughRoute(user, "offen@example.org", "expert");
    const wrong = await callRoute(deletion.action, "/konto/loeschen", { user, form: { password: "falsch-falsch" } });
    expect(wrong.status).toBe(422);
    expect((await db.select().from(users).where(eq(users.id, user.id)))[0].deletedAt).toBeNull();

    const response = await callRoute(deletion.action, "/konto/loeschen", { user, form: { password: TEST_PASSWORD } });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ email: null, name: null, organisation: null, passwordHash: null, expertise: [] });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(displayName(row)).toBe("ehemaliges Mitglied");
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect(await validateSessionToken(tokenOf(other))).toBeNull();
    expect(await db.select().from(invitations).where(eq(invitations.invitedById, user.id))).toHaveLength(0);
    expect(await auditFor("account.deleted", user.id)).toHaveLength(1);
    const signIn = await callRoute(login.action, "/login", { form: { email: user.email, password: TEST_PASSWORD } });
    expect(signIn.status).toBe(401);
  });

  it("refuses for the last remaining admin with a clear message", async () => {
    await db.update(users).set({ role: "staff" }).where(eq(users.role, "admin"));
    const admin = await createUser("admin");
    const response = await callRoute(deletion.action, "/konto/loeschen", { user: admin, form: { password: TEST_PASSWORD } });
    expect(response.status).toBe(409);
    expect((await response.json()).errors.form).toMatch(/letzte aktive Administrationskonto/);
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row.deletedAt).toBeNull();
    const second = await createUser("admin");
    const allowed = await callRoute(deletion.action, "/konto/loeschen", { user: second, form: { password: TEST_PASSWORD } });
    expect(allowed.status).toBe(302);
  });
});
