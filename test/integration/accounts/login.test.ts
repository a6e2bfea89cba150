import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { auditEvents, sessions } from "../../../db/schema";
import { hashToken } from "../../../app/accounts/token.server";
import { validateSessionToken } from "../../../app/accounts/session.server";
import * as login from "../../../app/routes/login";
import * as logout from "../../../app/routes/logout";
import { createUser, TEST_PASSWORD } from "../../support/fixtures";
import { callRoute } from "../../support/remix";

function tokenFrom(response: Response) {
  const cookie = response.headers.get("Set-Cookie") ?? "";
  return /session=([^;]*)/.exec(cookie)?.[1] ?? "";
}

describe("sign-in", () => {
  it("signs in with the right password, stores only the token's hash and sets a strict cookie", async () => {
    const user = await createUser("expert");
    const response = await callRoute(login.action, "/login", {
      form: { email: user.email.toUpperCase(), password: TEST_PASSWORD, redirectTo: "/themen" },
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/themen");
    const cookie = response.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const token = tokenFrom(response);
    expect(token).toMatch(/^[a-z2-7]{52}$/);
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.id)).toContain(hashToken(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect((await validateSessionToken(token))?.user.id).toBe(user.id);
  });

  it("refuses a wrong password with 401 and records the failure", async () => {
    const user = await createUser("staff");
    const response = await callRoute(login.action, "/login", { form: { email: user.email, password: "falsch-falsch-falsch" } });
    expect(response.status).toBe(401);
    expect(JSON.stringify(await response.json())).toContain("E-Mail-Adresse oder Passwort ist falsch.");
    const failures = await db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failures.some((event) => event.details.email === user.email.toLowerCase())).toBe(true);
  });

  it("does not lock an email after failures: the member still gets in, only slowed (issue 14)", async () => {
    const user = await createUser("council");
    for (let i = 0; i < 6; i++) {
      await callRoute(login.action, "/login", { form: { email: user.email, password: `falsch-${i}-xxxxxxxx` }, context: { clientAddress: `192.0.2.${i}` } });
    }
    const started = Date.now();
    const response = await callRoute(login.action, "/login", {
      form: { email: user.email, password: TEST_PASSWORD },
      context: { clientAddress: "198.51.100.1" },
    });
    expect(response.status).toBe(302);
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
  });

  it("rejects an off-site redirect target", async () => {
    const user = await createUser("expert");
    const response = await callRoute(login.action, "/login", {
      form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example/" },
    });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("signs out by deleting the session", async () => {
    const user = await createUser("expert");
    const token = user.cookie.split("=")[1];
    const response = await callRoute(logout.action, "/logout", { method: "POST", user });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect(await validateSessionToken(token)).toBeNull();
  });
});

describe("session expiry", () => {
  it("refuses an idle-expired session and deletes it", async () => {
    const user = await createUser("expert");
    const token = user.cookie.split("=")[1];
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, hashToken(token)));
    expect(await validateSessionToken(token)).toBeNull();
    expect(
      await db
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(token))),
    ).toHaveLength(0);
  });

  it("slides the idle expiry but never past the absolute lifetime", async () => {
    const user = await createUser("expert");
    const token = user.cookie.split("=")[1];
    const id = hashToken(token);
    const absolute = new Date(Date.now() + 30 * 60_000);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() + 5 * 60_000), absoluteExpiresAt: absolute })
      .where(eq(sessions.id, id));
    const validated = await validateSessionToken(token);
    expect(validated?.expiresAt.getTime()).toBe(absolute.getTime());
  });
});
