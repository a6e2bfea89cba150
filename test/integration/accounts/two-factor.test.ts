import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, recoveryCodes, users } from "../../../db/schema";
import * as login from "../../../app/routes/login";
import * as verify from "../../../app/routes/login_.zweiter-faktor";
import * as enrol from "../../../app/routes/login_.einrichten";
import * as account from "../../../app/routes/konto.zwei-faktor";
import * as accountsAdmin from "../../../app/routes/admin.konten";
import * as invitation from "../../../app/routes/einladung.$token";
import { inviteThroughRoute, NEW_PASSWORD } from "./helpers";
import { validateSessionToken } from "../../../app/accounts/session.server";
import { resetEnv } from "../../../app/env.server";
import { runResetTwoFactor } from "../../../scripts/reset-2fa";
import { createUser, TEST_PASSWORD, type TestUser } from "../../support/fixtures";
import { callRoute, jsonOf } from "../../support/remix";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnv();
});

function withEnv(values: Record<string, string>) {
  Object.assign(process.env, values);
  resetEnv();
}

const cookieOf = (response: Response, name: string) =>
  (response.headers.getSetCookie?.() ?? [response.headers.get("Set-Cookie") ?? ""])
    .map((c) => new RegExp(`^${name}=([^;]*)`).exec(c)?.[1])
    .find((v) => v !== undefined);

/** The code an authenticator app shows now for this base32 secret (offset in 30 s steps). */
function codeFor(secret: string, offset = 0) {
  const step = Math.floor(Date.now() / 30_000) + offset;
  return generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s/g, "")), BigInt(step), 6);
}

async function passwordStep(user: { email: string }, client = "192.0.2.50") {
  const response = await callRoute(login.action, "/login", {
    form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/konto" },
    context: { clientAddress: client },
  });
  return { response, challenge: cookieOf(response, "signin"), session: cookieOf(response, "session") };
}

/** Runs the enrolment at sign-in and returns the secret and the recovery codes. */
async function enrolAtSignIn(user: TestUser) {
  const { response, challenge } = await passwordStep(user);
  expect(response.status).toBe(302);
  expect(response.headers.get("Location")).toBe("/login/einrichten");
  const headers = { Cookie: `signin=${challenge}` };
  const page = await jsonOf(await callRoute(enrol.loader, "/login/einrichten", { headers }));
  expect(page.state).toBe("enrol");
  expect(page.svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const done = await callRoute(enrol.action, "/login/einrichten", { headers, form: { code: codeFor(page.secret) }, context: { clientAddress: "192.0.2.50" } });
  expect(done.status).toBe(200);
  const body = await jsonOf(done);
  return { secret: page.secret as string, codes: body.codes as string[], session: cookieOf(done, "session"), redirectTo: body.redirectTo };
}

async function verifyStep(user: TestUser, form: Record<string, string>) {
  const { response, challenge } = await passwordStep(user);
  expect(response.headers.get("Location")).toBe("/login/zweiter-faktor");
  expect(cookieOf(response, "session")).toBeUndefined();
  return callRoute(verify.action, "/login/zweiter-faktor", { headers: { Cookie: `signin=${challenge}` }, form, context: { clientAddress: "192.0.2.51" } });
}

describe("two-factor sign-in (TOTP, RFC 6238)", () => {
  it("makes a staff member enrol at the next sign-in before any session exists, with ten hashed recovery codes", async () => {
    const staff = await createUser("staff");
    const { response, session } = await passwordStep(staff);
    expect(session).toBeUndefined();
    expect(response.headers.get("Location")).toBe("/login/einrichten");
    const { secret, codes, session: started, redirectTo } = await enrolAtSignIn(staff);
    expect(secret).toMatch(/^[A-Z2-7 ]{32,}$/);
    expect(codes).toHaveLength(10);
    expect(redirectTo).toBe("/konto");
    expect((await validateSessionToken(started!))?.user.id).toBe(staff.id);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, staff.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.some((row) => row.codeHash.includes(code.replace("-", "")))).toBe(false);
    const [row] = await db.select().from(users).where(eq(users.id, staff.id));
    expect(row.totpEnabledAt).not.toBeNull();
    expect(row.totpPendingSecret).toBeNull();
  });

  it("makes an invited staff member set it up before the first session, right after accepting the invitation", async () => {
    const admin = await createUser("admin");
    const { token } = await inviteThroughRoute(admin, "neu.verwaltung@example.org", "staff");
    const accepted = await callRoute(invitation.action, `/einladung/${token}`, {
      params: { token },
      form: { name: "Neue Verwaltung", organisation: "Amt 10", expertise: "", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/login/einrichten");
    expect(cookieOf(accepted, "session")).toBeUndefined();
    const headers = { Cookie: `signin=${cookieOf(accepted, "signin")}` };
    const page = await jsonOf(await callRoute(enrol.loader, "/login/einrichten", { headers }));
    expect(page.state).toBe("enrol");
    const done = await callRoute(enrol.action, "/login/einrichten", {
      headers,
      form: { code: codeFor(page.secret) },
      context: { clientAddress: "192.0.2.52" },
    });
    expect(done.status).toBe(200);
    expect((await jsonOf(done)).codes).toHaveLength(10);
    expect((await validateSessionToken(cookieOf(done, "session")!))?.user.email).toBe("neu.verwaltung@example.org");
    // An invited expert (2FA optional) is signed in at once, as before.
    const expertInvite = await inviteThroughRoute(admin, "neu.expertin@example.org", "expert");
    const expert = await callRoute(invitation.action, `/einladung/${expertInvite.token}`, {
      params: { token: expertInvite.token },
      form: { name: "Neue Expertin", organisation: "", expertise: "", password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(expert.headers.get("Location")).toBe("/");
    expect(cookieOf(expert, "session")).toBeTruthy();
  });

  it("requires it for admins as well, and refuses a wrong enrolment code", async () => {
    const admin = await createUser("admin");
    const { challenge } = await passwordStep(admin);
    const wrong = await callRoute(enrol.action, "/login/einrichten", { headers: { Cookie: `signin=${challenge}` }, form: { code: "000000" } });
    expect(wrong.status).toBe(422);
    expect(cookieOf(wrong, "session")).toBeUndefined();
  });

  it("accepts a code once (no replay) and each recovery code once", async () => {
    const staff = await createUser("staff");
    const { secret, codes } = await enrolAtSignIn(staff);
    const next = codeFor(secret, 1);
    const first = await verifyStep(staff, { code: next });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/konto");
    expect(cookieOf(first, "session")).toBeTruthy();
    const replay = await verifyStep(staff, { code: next });
    expect(replay.status).toBe(401);
    expect(cookieOf(replay, "session")).toBeUndefined();
    const older = await verifyStep(staff, { code: codeFor(secret) });
    expect(older.status).toBe(401);
    expect((await verifyStep(staff, { recoveryCode: codes[3] })).status).toBe(302);
    expect((await verifyStep(staff, { recoveryCode: codes[3] })).status).toBe(401);
    const used = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.2fa_recovery_code_used"));
    expect(used).toHaveLength(1);
  });

  it("ends the sign-in after five wrong codes", async () => {
    const staff = await createUser("staff");
    await enrolAtSignIn(staff);
    const { challenge } = await passwordStep(staff);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const reply = await callRoute(verify.action, "/login/zweiter-faktor", { headers: { Cookie: `signin=${challenge}` }, form: { code: String(100000 + i) } });
      statuses.push(reply.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const gone = await jsonOf(await callRoute(verify.loader, "/login/zweiter-faktor", { headers: { Cookie: `signin=${challenge}` } }));
    expect(gone.live).toBe(false);
  });

  it("exempts the demo's own accounts in demo mode only, never real staff", async () => {
    withEnv({ DEMO_MODE: "true" });
    const demo = await createUser("admin", { email: `admin-${Date.now()}@demo.digitalbeirat.de` });
    const real = await createUser("staff");
    expect((await passwordStep(demo)).session).toBeTruthy();
    expect((await passwordStep(real)).response.headers.get("Location")).toBe("/login/einrichten");
    const page = await jsonOf(await callRoute(login.loader, "/login"));
    expect(page.demoExempt).toBe(true);
    withEnv({ DEMO_MODE: "false" });
    expect((await passwordStep(demo)).response.headers.get("Location")).toBe("/login/einrichten");
  });

  it("follows REQUIRE_2FA_ROLES", async () => {
    withEnv({ REQUIRE_2FA_ROLES: "admin" });
    const staff = await createUser("staff");
    expect((await passwordStep(staff)).session).toBeTruthy();
  });

  it("is optional for experts: enrol on the account page, then sign in with it; disabling needs the password", async () => {
    const expert = await createUser("expert");
    expect((await passwordStep(expert)).session).toBeTruthy();
    await callRoute(account.action, "/konto/zwei-faktor", { user: expert, form: { intent: "start" } });
    const page = await jsonOf(await callRoute(account.loader, "/konto/zwei-faktor", { user: expert }));
    expect(page.required).toBe(false);
    const confirmed = await jsonOf(
      await callRoute(account.action, "/konto/zwei-faktor", { user: expert, form: { intent: "confirm", code: codeFor(page.enrolment.secret) } }),
    );
    expect(confirmed.codes).toHaveLength(10);
    expect((await passwordStep(expert)).response.headers.get("Location")).toBe("/login/zweiter-faktor");
    const wrong = await callRoute(account.action, "/konto/zwei-faktor", { user: expert, form: { intent: "disable", password: "falsch-falsch-falsch" } });
    expect(wrong.status).toBe(422);
    const off = await callRoute(account.action, "/konto/zwei-faktor", { user: expert, form: { intent: "disable", password: TEST_PASSWORD } });
    expect(off.status).toBe(200);
    expect((await passwordStep(expert)).session).toBeTruthy();
  });

  it("lets staff not switch it off themselves", async () => {
    const staff = await createUser("staff");
    await enrolAtSignIn(staff);
    const refused = await callRoute(account.action, "/konto/zwei-faktor", { user: staff, form: { intent: "disable", password: TEST_PASSWORD } });
    expect(refused.status).toBe(409);
  });

  it("lets an admin reset a member's second factor and change roles only with the password again, audited", async () => {
    const admin = await createUser("admin");
    const staff = await createUser("staff");
    await enrolAtSignIn(staff);
    const noPassword = await callRoute(accountsAdmin.action, "/admin/konten", { user: admin, form: { intent: "reset-2fa", userId: String(staff.id) } });
    expect(noPassword.status).toBe(422);
    const roleNoPassword = await callRoute(accountsAdmin.action, "/admin/konten", {
      user: admin,
      form: { intent: "role", userId: String(staff.id), role: "expert" },
    });
    expect(roleNoPassword.status).toBe(422);
    const reset = await callRoute(accountsAdmin.action, "/admin/konten", {
      user: admin,
      form: { intent: "reset-2fa", userId: String(staff.id), password: TEST_PASSWORD },
    });
    expect(reset.status).toBe(200);
    const [row] = await db.select().from(users).where(eq(users.id, staff.id));
    expect(row.totpSecret).toBeNull();
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, staff.id))).toHaveLength(0);
    const events = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.2fa_reset"));
    expect(events.some((e) => e.actorId === admin.id && e.objectId === String(staff.id))).toBe(true);
    expect((await passwordStep(staff)).response.headers.get("Location")).toBe("/login/einrichten");
  });

  it("npm run admin:reset-2fa helps the last admin who lost the phone", async () => {
    const admin = await createUser("admin");
    await enrolAtSignIn(admin);
    const out: string[] = [];
    expect(await runResetTwoFactor(["--email", admin.email.toUpperCase()], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(out.join()).toContain("zurückgesetzt");
    expect(await runResetTwoFactor(["--email", "niemand@example.org"], { out: () => {}, err: () => {} })).toBe(1);
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row.totpEnabledAt).toBeNull();
  });

  it("stores the secret encrypted when APP_SECRET is set", async () => {
    withEnv({ APP_SECRET: "x".repeat(40) });
    const staff = await createUser("staff");
    const { secret } = await enrolAtSignIn(staff);
    const [row] = await db.select().from(users).where(eq(users.id, staff.id));
    expect(row.totpSecret).toMatch(/^v1:/);
    expect(row.totpSecret).not.toContain(secret.replace(/\s/g, ""));
    expect((await verifyStep(staff, { code: codeFor(secret, 1) })).status).toBe(302);
  });
});
