// The record of processing activities (Art. 30 DSGVO): admin only, and every configurable
// statement follows the configuration (recipients, 2FA, TLS, periods).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../../db/client.server";
import { oparlImportSettings } from "../../../db/schema";
import { resetEnv } from "../../../app/env.server";
import { sessionCookieName } from "../../../app/accounts/session.server";
import * as page from "../../../app/routes/admin.verarbeitungsverzeichnis";
import * as markdown from "../../../app/routes/admin.verarbeitungsverzeichnis[.]md";
import { createUsersForAllRoles, type TestUser } from "../../support/fixtures";
import { callRoute } from "../../support/remix";

type Users = Awaited<ReturnType<typeof createUsersForAllRoles>>;
let users: Users;
const CONFIG_KEYS = ["SMTP_URL", "PORTAL_URL", "REQUIRE_2FA_ROLES", "APP_SECRET", "AUDIT_RETENTION_MONTHS", "MAIL_RETENTION_DAYS", "OPARL_SOURCE_URL"];

beforeAll(async () => {
  users = await createUsersForAllRoles();
});
afterEach(() => {
  for (const key of CONFIG_KEYS) delete process.env[key];
  resetEnv();
});

/** The cookie's name follows PORTAL_URL (__Host- on https). */
const withCookieName = (user: TestUser): TestUser => ({ ...user, cookie: user.cookie.replace(/^[^=]+/, sessionCookieName()) });

async function recordAs(user: TestUser) {
  const reply = await callRoute(page.loader as never, "/admin/verarbeitungsverzeichnis", { user: withCookieName(user) });
  expect(reply.status).toBe(200);
  return (await reply.json()).record as { recipients: string[]; measures: string[]; periods: Array<{ data: string; period: string }>; controller: string };
}

describe("record of processing activities", () => {
  it("is for admins only, as page and as Markdown", async () => {
    for (const role of ["staff", "expert", "council"] as const) {
      expect((await callRoute(page.loader as never, "/admin/verarbeitungsverzeichnis", { user: users[role] })).status).toBe(403);
      expect((await callRoute(markdown.loader as never, "/admin/verarbeitungsverzeichnis.md", { user: users[role] })).status).toBe(403);
    }
    expect((await callRoute(page.loader as never, "/admin/verarbeitungsverzeichnis")).status).toBe(302);
  });

  it("names no recipient outside the operator when neither SMTP nor a RIS is configured", async () => {
    Object.assign(process.env, { REQUIRE_2FA_ROLES: "admin", AUDIT_RETENTION_MONTHS: "6" });
    resetEnv();
    const record = await recordAs(users.admin);
    expect(record.recipients).toContain("Keine Empfänger außerhalb der verantwortlichen Stelle.");
    expect(record.recipients.join("\n")).not.toMatch(/Mail-Relay \S+:/);
    expect(record.measures).toContain("Zweiter Faktor (TOTP) Pflicht für: Administration; für alle anderen Rollen wählbar.");
    expect(record.measures.join("\n")).toContain("PORTAL_URL ist nicht https");
    expect(record.measures.join("\n")).toContain("APP_SECRET ist nicht gesetzt");
    expect(record.measures.join("\n")).toContain("nach 6 Monaten gelöscht");
    expect(record.measures.join("\n")).toContain("argon2id");
    expect(record.periods.find((row) => row.data === "Protokolleinträge")?.period).toMatch(/^6 Monate/);
  });

  it("names the SMTP relay (host only) and the RIS once configured, and the https and secret measures", async () => {
    Object.assign(process.env, {
      SMTP_URL: "smtps://beirat:geheim@mail.musterstadt.example:465",
      PORTAL_URL: "https://beirat.musterstadt.example",
      APP_SECRET: "x".repeat(40),
      REQUIRE_2FA_ROLES: "admin,staff,expert",
      MAIL_RETENTION_DAYS: "30",
    });
    resetEnv();
    await db.insert(oparlImportSettings).values({ id: 1, systemUrl: "https://ris.musterstadt.example/oparl/v1/system", bodyUrl: null });
    const record = await recordAs(users.admin);
    const recipients = record.recipients.join("\n");
    expect(recipients).toContain("Mail-Relay mail.musterstadt.example:465");
    expect(recipients).not.toContain("geheim");
    expect(recipients).toContain("Ratsinformationssystem ris.musterstadt.example");
    expect(recipients).not.toContain("Keine Empfänger außerhalb");
    const measures = record.measures.join("\n");
    expect(measures).toContain("Übertragung nur verschlüsselt: PORTAL_URL ist https");
    expect(measures).toContain("Mailversand über TLS (smtps).");
    expect(measures).toContain("verschlüsselt gespeichert (APP_SECRET)");
    expect(measures).toContain("Pflicht für: Administration, Verwaltung, Beiratsmitglieder");

    const reply = await callRoute(markdown.loader as never, "/admin/verarbeitungsverzeichnis.md", { user: withCookieName(users.admin) });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(reply.headers.get("Content-Disposition")).toBe('attachment; filename="verarbeitungsverzeichnis.md"');
    const text = await reply.text();
    expect(text).toMatch(/^# Verzeichnis von Verarbeitungstätigkeiten\n/);
    expect(text).toContain("## Löschfristen\n\n| Daten | Frist |\n|---|---|\n");
    expect(text).toContain("| Kopien der Mails des Portals | gelöscht 30 Tage nach dem Versand");
    expect(text).toContain("- Mail-Relay mail.musterstadt.example:465");
    expect(text).toContain(record.controller);
    expect(text).not.toContain("geheim");
  });
});
