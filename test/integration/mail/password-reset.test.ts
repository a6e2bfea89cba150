import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { mails, passwordResets, sessions, users } from "../../../db/schema";
import { hashToken } from "../../../app/accounts/token.server";
import * as forgot from "../../../app/routes/passwort-vergessen";
import * as reset from "../../../app/routes/passwort-neu.$token";
import * as login from "../../../app/routes/login";
import { createUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";
import { linkIn } from "../../support/smtp";
import { auditFor } from "../../support/audit";
import { drainJobs, PORTAL, useSmtpServer } from "./helpers";

const server = useSmtpServer();
const NEW = "Neues-Rhein-Passwort-2026";

function request(email: string, client = "192.0.2.1") {
  return callRoute((args) => forgot.action({ ...args, context: { clientAddress: client } }), "/passwort-vergessen", { form: { email } });
}

describe("password reset", () => {
  it("answers the same for known and unknown addresses, mails only the known one, and the link sets a new password once, ending all sessions", async () => {
    const member = await createUser("expert", { email: "anna@example.org" });
    const known = await request("Anna@Example.org");
    const unknown = await request("niemand@example.org");
    expect(known.status).toBe(200);
    expect(await known.json()).toEqual(await unknown.json());
    await drainJobs(() => server.smtp.received.length >= 1);
    await drainJobs(() => true);
    expect(server.smtp.received.map((m) => m.envelopeTo[0])).toEqual(["anna@example.org"]);
    const link = linkIn(server.smtp.received[0], `${PORTAL}/passwort-neu/`);
    const token = link.split("/").pop()!;
    const [stored] = await db.select().from(passwordResets).where(eq(passwordResets.userId, member.id));
    expect(stored.tokenHash).toBe(hashToken(token));
    expect((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000).toBeCloseTo(60, 0);
    const [copy] = await db.select().from(mails).where(eq(mails.toUserId, member.id));
    expect(copy.text).not.toContain(token);

    expect((await callRoute(reset.loader, `/passwort-neu/${token}`, { params: { token } })).status).toBe(200);
    const weak = await callRoute(reset.action, `/passwort-neu/${token}`, { params: { token }, form: { password: "kurz", passwordConfirm: "kurz" } });
    expect(weak.status).toBe(422);
    const done = await callRoute(reset.action, `/passwort-neu/${token}`, { params: { token }, form: { password: NEW, passwordConfirm: NEW } });
    expect(done.status).toBe(200);
    expect(await db.select().from(sessions).where(eq(sessions.userId, member.id))).toHaveLength(0);
    const again = await callRoute(reset.action, `/passwort-neu/${token}`, { params: { token }, form: { password: NEW, passwordConfirm: NEW } });
    expect(again.status).toBe(404);
    const signIn = await callRoute(login.action, "/login", { form: { email: "anna@example.org", password: NEW } });
    expect(signIn.status).toBe(302);
    const audit = await auditFor("account.password_reset");
    expect(audit).toHaveLength(1);
  });

  it("a disabled account gets no mail; requests are throttled per address and per client", async () => {
    const disabled = await createUser("expert", { email: "gesperrt@example.org" });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    const before = server.smtp.received.length;
    expect((await request("gesperrt@example.org", "198.51.100.1")).status).toBe(200);
    await createUser("expert", { email: "viel@example.org" });
    for (let i = 0; i < 5; i++) expect((await request("viel@example.org", `198.51.100.${10 + i}`)).status).toBe(200);
    await drainJobs(() => true);
    const toMany = server.smtp.received.slice(before).filter((m) => m.envelopeTo[0] === "viel@example.org");
    expect(toMany).toHaveLength(3);
    expect(server.smtp.received.slice(before).some((m) => m.envelopeTo[0] === "gesperrt@example.org")).toBe(false);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await request(`x${i}@example.org`, "203.0.113.7")).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});
