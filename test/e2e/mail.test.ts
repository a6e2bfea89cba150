import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInThroughForm } from "../support/browser";
import { browser, demoLogin, expectAccessible, server, signedInPage, submit, useDemoServerAndBrowser } from "../support/e2e";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp";

let smtp: TestSmtpServer;

const admin = demoLogin("admin");
const INVITEE = { email: "post.expertin@example.org", name: "Dr. Mara Post", password: "Moselbruecke-Koblenz-1429", next: "Balduinbruecke-Neu-2026" };

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp?.stop();
});
useDemoServerAndBrowser(() => ({ SMTP_URL: smtp.url, JOB_POLL_MS: "200", MAIL_FROM: "Digitalbeirat <beirat@example.org>" }));

function mailTo(address: string) {
  return smtp.received.filter((mail) => mail.envelopeTo[0] === address);
}

describe("mail in a real browser, through a real SMTP server", () => {
  it("an admin invites, the mail arrives, its link opens the invitation, the account is created and signs in", { timeout: 90_000 }, async () => {
    const { page, context } = await signedInPage(admin.email, admin.password);
    await page.goto(`${server.url}/admin/einladungen`);
    await page.getByLabel("E-Mail-Adresse").fill(INVITEE.email);
    await page.getByLabel("Rolle").selectOption("expert");
    await submit(page, "Einladung erstellen");
    await page.getByText(`Die Einladung an ${INVITEE.email} ist per Mail unterwegs.`).waitFor();
    expect(await page.getByLabel("Einladungslink").count()).toBe(0);
    await expectAccessible(page);
    await page.goto(`${server.url}/admin/mails`);
    await expectAccessible(page);
    await page.goto(`${server.url}/admin/auftraege`);
    await expectAccessible(page);
    await context.close();

    const deadline = Date.now() + 20_000;
    while (mailTo(INVITEE.email).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [mail] = mailTo(INVITEE.email);
    expect(mail.parsed.subject).toContain("Einladung zum Portal");
    const link = linkIn(mail, `${server.url}/einladung/`);

    const fresh = await browser.newContext();
    const invitee = await fresh.newPage();
    expect((await invitee.goto(link))?.status()).toBe(200);
    await invitee.getByLabel("Name", { exact: true }).fill(INVITEE.name);
    await invitee.getByLabel("Passwort", { exact: true }).fill(INVITEE.password);
    await invitee.getByLabel("Passwort wiederholen").fill(INVITEE.password);
    await Promise.all([invitee.waitForURL(`${server.url}/`), invitee.getByRole("button", { name: "Konto anlegen und anmelden" }).click()]);
    await invitee.getByRole("link", { name: `${INVITEE.name} (Beiratsmitglied)` }).waitFor();
    await invitee.getByRole("link", { name: /^Benachrichtigungen/ }).click();
    await invitee.getByRole("heading", { name: "Benachrichtigungen", level: 1 }).waitFor();
    await expectAccessible(invitee);
    await invitee.goto(`${server.url}/konto/benachrichtigungen`);
    await expectAccessible(invitee);
    await invitee.getByRole("button", { name: "Abmelden" }).click();
    await invitee.getByRole("link", { name: "Anmelden" }).waitFor();
    await signInThroughForm(invitee, server.url, INVITEE.email, INVITEE.password);
    await fresh.close();
  });

  it("„Passwort vergessen“ end to end through the mail", { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByRole("link", { name: "Passwort vergessen?" }).click();
    await page.getByRole("heading", { name: "Passwort vergessen", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("E-Mail-Adresse").fill(INVITEE.email);
    await submit(page, "Link anfordern");
    await page.getByText("Wenn es zu dieser Adresse ein aktives Konto gibt").waitFor();
    await expectAccessible(page);

    const deadline = Date.now() + 20_000;
    const isReset = (m: (typeof smtp.received)[number]) => m.parsed.subject === "Passwort zurücksetzen";
    while (!mailTo(INVITEE.email).some(isReset) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const mail = mailTo(INVITEE.email).find(isReset)!;
    const link = linkIn(mail, `${server.url}/passwort-neu/`);
    await page.goto(link);
    await page.getByRole("heading", { name: "Neues Passwort festlegen", level: 1 }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Neues Passwort", { exact: true }).fill(INVITEE.next);
    await page.getByLabel("Neues Passwort wiederholen").fill(INVITEE.next);
    await submit(page, "Passwort speichern");
    await page.getByText("Ihr Passwort ist geändert.").waitFor();
    await signInThroughForm(page, server.url, INVITEE.email, INVITEE.next);
    // The link works once only.
    await page.goto(link);
    await page.getByText("Dieser Link ist ungültig, abgelaufen oder schon benutzt.").first().waitFor();
    await context.close();
  });
});
