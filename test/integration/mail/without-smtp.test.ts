import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { follows, jobs, mails, notificationPreferences } from "../../../db/schema";
import * as invitationsRoute from "../../../app/routes/admin.einladungen";
import * as mailList from "../../../app/routes/admin.mails._index";
import * as mailView from "../../../app/routes/admin.mails.$id";
import * as attachment from "../../../app/routes/admin.mails.$id.anhang.$index";
import * as exportRoute from "../../../app/routes/konto.export";
import * as deleteRoute from "../../../app/routes/konto.loeschen";
import * as prefsRoute from "../../../app/routes/konto.benachrichtigungen";
import { checkStartupConfiguration, resetEnv } from "../../../app/env.server";
import { enqueueMail } from "../../../app/server/mail/outbox.server";
import { runDueJobs } from "../../../app/server/jobs/runner.server";
import { createUser, TEST_PASSWORD } from "../../support/fixtures";
import { callRoute } from "../../support/remix";

describe("without SMTP (embedded default, demo)", () => {
  it("keeps mails as not sent, never sends them later, and shows them to admins only, with parts and attachments", async () => {
    const admin = await createUser("admin");
    const staff = await createUser("staff");
    const created = await callRoute(invitationsRoute.action, "/admin/einladungen", {
      user: admin,
      form: { intent: "create", email: "ohne-smtp@example.org", role: "expert" },
    });
    const link = (await created.json()).created.link;
    expect(link).toMatch(/\/einladung\//);
    const [row] = await db.select().from(mails).where(eq(mails.toAddress, "ohne-smtp@example.org"));
    expect(row.state).toBe("unsent");
    expect(await db.select().from(jobs).where(eq(jobs.kind, "mail.send"))).toHaveLength(0);
    await runDueJobs();
    expect((await db.select().from(mails).where(eq(mails.id, row.id)))[0].state).toBe("unsent");

    const list = await (await callRoute(mailList.loader, "/admin/mails", { user: admin })).json();
    expect(list.smtp).toBe(false);
    expect(list.mails[0]).toMatchObject({ id: row.id, state: "unsent" });
    expect((await callRoute(mailList.loader, "/admin/mails", { user: staff })).status).toBe(403);
    const view = await (await callRoute(mailView.loader, `/admin/mails/${row.id}`, { user: admin, params: { id: String(row.id) } })).json();
    expect(view.mail.text).toContain(link);
    expect(view.mail.html).toContain("<a href=");

    const id = await db.transaction((tx) =>
      enqueueMail(tx, {
        kind: "test",
        to: { address: "a@example.org" },
        subject: "Mit Anhang",
        text: "t",
        html: "<p>t</p>",
        attachments: [{ filename: "sitzung-1.ics", contentType: "text/calendar; charset=utf-8", content: Buffer.from("BEGIN:VCALENDAR").toString("base64") }],
      }),
    );
    const file = await callRoute(attachment.loader, `/admin/mails/${id}/anhang/0`, { user: admin, params: { id: String(id), index: "0" } });
    expect(file.headers.get("content-disposition")).toContain("attachment");
    expect(await file.text()).toBe("BEGIN:VCALENDAR");
    expect((await callRoute(attachment.loader, `/admin/mails/${id}/anhang/1`, { user: admin, params: { id: String(id), index: "1" } })).status).toBe(404);

    const test = await callRoute(mailList.action, "/admin/mails", { user: admin, form: { intent: "test" } });
    expect((await test.json()).notice).toContain("ohne SMTP");
  });

  it("refuses to start with SMTP_URL but the default PORTAL_URL, and in production on PostgreSQL without APP_SECRET", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, { SMTP_URL: "smtp://127.0.0.1:2525" });
      delete process.env.PORTAL_URL;
      resetEnv();
      expect(() => checkStartupConfiguration()).toThrow(/PORTAL_URL/);
      Object.assign(process.env, { PORTAL_URL: "https://beirat.example.org", NODE_ENV: "production", DEMO_MODE: "false" });
      resetEnv();
      expect(() => checkStartupConfiguration({ DATABASE_URL: "postgres://x" })).toThrow(/APP_SECRET/);
      expect(() => checkStartupConfiguration({})).not.toThrow();
      process.env.APP_SECRET = "x".repeat(40);
      resetEnv();
      expect(() => checkStartupConfiguration({ DATABASE_URL: "postgres://x" })).not.toThrow();
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      resetEnv();
    }
  });

  it("the data export holds preferences, follows, notifications and mails; deletion removes them and pending mails", async () => {
    const member = await createUser("expert");
    await db.insert(follows).values({ userId: member.id, objectType: "meeting", objectId: 1 });
    const saved = await callRoute(prefsRoute.action, "/konto/benachrichtigungen", {
      user: member,
      form: Object.fromEntries(
        (await (await callRoute(prefsRoute.loader, "/konto/benachrichtigungen", { user: member })).json()).preferences.map((p: { kind: string }) => [
          `kind:${p.kind}`,
          "woechentlich",
        ]),
      ),
    });
    expect(saved.status).toBe(200);
    expect((await callRoute(prefsRoute.action, "/konto/benachrichtigungen", { user: member, form: { "kind:comment.new": "stündlich" } })).status).toBe(422);
    await db.transaction((tx) =>
      enqueueMail(tx, { kind: "test", to: { userId: member.id, address: member.email }, subject: "An Sie", text: "t", html: "<p>t</p>" }),
    );
    const exported = await (await callRoute(exportRoute.loader, "/konto/export", { user: member })).json();
    expect(exported.notificationPreferences.length).toBeGreaterThan(5);
    expect(exported.follows).toHaveLength(1);
    expect(exported.mails[0].subject).toBe("An Sie");
    const deleted = await callRoute(deleteRoute.action, "/konto/loeschen", { user: member, form: { password: TEST_PASSWORD } });
    expect(deleted.status).toBe(302);
    expect(await db.select().from(mails).where(eq(mails.toUserId, member.id))).toHaveLength(0);
    expect(await db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, member.id))).toHaveLength(0);
    expect(await db.select().from(follows).where(eq(follows.userId, member.id))).toHaveLength(0);
  });
});
